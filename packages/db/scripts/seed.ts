// pnpm db:seed                      reference data, and the launch campaign with its accounts if none exists
// pnpm db:seed --demo [--size 5000] [--previous-year n] [--seed 1] [--campaign TANG-TOC-2025] [--sessions n] [--replace]
//                                   also a deterministic demo of that campaign (366000 = the full campaign),
//                                   after the same campaign a year earlier (<code>-TRUOC) with --previous-year
//                                   enrollments (default as many as --size; 0 for none), whose participants
//                                   this year's renew (about 60 %) or leave on the expiring and lapsed lists
// pnpm db:seed --demo --provinces 34 --size 2000000 [--previous-year n] [--seed 1] [--replace]
//                                   a national demo instead: one campaign per province, the N most populous
//                                   (HCMC's is the launch campaign, the others TANG-TOC-2025-<province code>),
//                                   --size enrollments split by population (--previous-year none by default)

import { parseArgs } from 'node:util'
import { createPrismaClient } from '../src/index.ts'
import { launchCampaignCode, seedDemo, seedIfEmpty, seedNational } from '../src/seed/index.ts'

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    size: { type: 'string', default: '5000' },
    'previous-year': { type: 'string' },
    seed: { type: 'string', default: '1' },
    campaign: { type: 'string', default: launchCampaignCode },
    sessions: { type: 'string' },
    replace: { type: 'boolean', default: false },
    provinces: { type: 'string' },
  },
})

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not ${text}`)
  return value
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const prisma = createPrismaClient()
try {
  const started = performance.now()
  const seeded = await seedIfEmpty(prisma)
  const { provinces, wards, contributionParameters } = seeded.referenceData
  console.log(
    `Reference data: ${provinces.created} provinces and ${wards.created} wards created, ` +
      `${provinces.updated + wards.updated} updated, ${contributionParameters.created} contribution parameters added.`,
  )
  if (seeded.launchCampaignId) {
    console.log(
      `Launch campaign ${launchCampaignCode} created; accounts: ${seeded.usersCreated.join(', ') || 'none'}.`,
    )
  } else {
    console.log('A campaign exists already: campaigns and accounts left as they are.')
  }
  console.log(`Seeded in ${seconds(performance.now() - started)}.`)

  const provinceCount = wholeNumber('provinces', values.provinces)
  if (values.demo && provinceCount !== undefined) {
    const enrollments = wholeNumber('size', values.size) ?? 5000
    console.log(
      `National demo: ${enrollments} enrollments over the ${provinceCount} most populous provinces…`,
    )
    const national = await seedNational(prisma, {
      provinces: provinceCount,
      enrollments,
      previousYear: wholeNumber('previous-year', values['previous-year']) ?? 0,
      seed: wholeNumber('seed', values.seed) ?? 1,
      replace: values.replace,
      onProvince: (code, demo) => {
        const { voluntarySocialInsurance: vsi, householdHealthInsurance: hhi } = demo.enrollments
        console.log(`  province ${code}: ${vsi + hhi} enrollments in ${seconds(demo.milliseconds.total)}`)
      },
    })
    const ms = national.milliseconds
    console.log(
      `  ${national.campaigns.length} campaigns in ${seconds(ms.provinces)}, worklists rebuilt in ${seconds(ms.worklistRebuild)}.`,
    )
  } else if (values.demo) {
    const enrollments = wholeNumber('size', values.size) ?? 5000
    const seed = wholeNumber('seed', values.seed) ?? 1
    const sessions = wholeNumber('sessions', values.sessions)
    const previousYear = wholeNumber('previous-year', values['previous-year']) ?? enrollments
    console.log(
      `Demo of ${values.campaign}: ${enrollments} enrollments after ${previousYear} a year earlier, seed ${seed}…`,
    )
    const demo = await seedDemo(prisma, {
      campaignCode: values.campaign,
      enrollments,
      previousYear,
      seed,
      replace: values.replace,
      ...(sessions === undefined ? {} : { sessions }),
    })
    const { voluntarySocialInsurance, householdHealthInsurance } = demo.enrollments
    console.log(
      `  ${voluntarySocialInsurance} VSI and ${householdHealthInsurance} HHI enrollments, ${demo.people} people, ` +
        `${demo.households} households, ${demo.sessions} sessions, ${demo.statusChanges} status changes, ` +
        `${demo.dailyCounts} daily, ${demo.segmentCounts} segment counts and ${demo.segmentTotals} segment totals, ${demo.usersCreated} demo accounts created.`,
    )
    const last = demo.previousYear
    if (last) {
      const { voluntarySocialInsurance: vsi, householdHealthInsurance: hhi } = last.enrollments
      console.log(
        `  a year earlier (${last.code}): ${vsi} VSI and ${hhi} HHI enrollments, ${last.people} people, ${last.sessions} sessions; ` +
          `${last.renewedRegistrations} of its ${last.paidRegistrations} paid registrations renewed.`,
      )
    }
    console.log(`  ${demo.leads} leads, ${demo.followUps} follow-ups.`)
    const ms = demo.milliseconds
    console.log(
      `  prepare ${seconds(ms.prepare)}, load ${seconds(ms.load)}, recount ${seconds(ms.recount)} ` +
        `(worklists ${seconds(ms.worklistRebuild)}), total ${seconds(ms.total)}.`,
    )
  }
} finally {
  await prisma.$disconnect()
}
