// `pnpm bench`'s export part: the enrollment list as CSV and as XLSX through the real endpoint
// (`GET /exports/enrollments.csv|.xlsx`), at two sizes (about 50,000 rows, by a registration-date
// filter, and the whole campaign), against PostgreSQL's own `COPY (the same columns) TO STDOUT` in the
// same run. Prints the time to the first byte, the whole download, and the API process's resident
// memory (VmRSS, sampled every 20 ms) before and at its peak: a stream keeps it flat as rows grow.

import { readFileSync } from 'node:fs'
import { type Agent, request as httpRequest } from 'node:http'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import { log } from './common.ts'

/** The columns the CSV export writes, as one query: what the database alone needs to do. */
const plainSelect = `
  SELECT e.id, ca.code, ce.code, ce.name, e.product, e.status, p."fullName", p."citizenId",
         p."dateOfBirth", p.sex, e.phone, e.address, w.name, e."occupationGroup", e.months, e."monthlyIncome",
         e.gross, e.support, e.payable, e."periodStart", e."periodEnd", s.kind, s.title, u.username,
         e."registeredAt" AT TIME ZONE ca."timeZone", e."registeredOn"
    FROM "Enrollment" e
    JOIN "Campaign" ca ON ca.id = e."campaignId"
    JOIN "Center" ce ON ce.id = e."centerId"
    JOIN "Person" p ON p.id = e."personId"
    JOIN "User" u ON u.id = e."registeredById"
    LEFT JOIN "OutreachSession" s ON s.id = e."sessionId"
    LEFT JOIN "Ward" w ON w.code = e."wardCode"
   WHERE e."campaignId" = $campaign AND ($to IS NULL OR e."registeredOn" <= $to)
   ORDER BY e."registeredAt" DESC, e.id DESC`

type Download = {
  firstByteMs: number
  totalMs: number
  bytes: number
  rssStartMb: number
  rssPeakMb: number
  /** The API process's CPU time (all its threads) over the download: what load does not stretch. */
  cpuMs: number
}

/** The resident memory of a process, MB (VmRSS in /proc/<pid>/status); 0 without /proc. */
function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/** The CPU time a process has used so far, ms (utime + stime in /proc/<pid>/stat); 0 without /proc. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    // utime and stime are the stat line's 14th and 15th fields, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}

/** Downloads a path of the API to nowhere, timing the first byte and the whole, watching the API's memory. */
function download(url: string, cookie: string, agent: Agent, apiPid: number): Promise<Download> {
  const rssStartMb = rssMb(apiPid)
  let rssPeakMb = rssStartMb
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMb(apiPid))
  }, 20)
  const cpuStartMs = cpuMsOf(apiPid)
  const started = performance.now()
  return new Promise<Download>((resolve, reject) => {
    const request = httpRequest(url, { agent, headers: { cookie } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`${url}: HTTP ${response.statusCode}`))
        response.resume()
        return
      }
      let firstByteMs = 0
      let bytes = 0
      response.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started
        bytes += chunk.length
      })
      response.on('end', () => {
        const cpuMs = cpuMsOf(apiPid) - cpuStartMs
        resolve({ firstByteMs, totalMs: performance.now() - started, bytes, rssStartMb, rssPeakMb, cpuMs })
      })
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end()
  }).finally(() => clearInterval(sampler))
}

/** `COPY (the export's columns) TO STDOUT WITH CSV HEADER`, read to nowhere: ms and bytes. */
async function copyOut(sql: pg.Pool, campaignId: string, to: string | null) {
  const client = await sql.connect()
  try {
    const query = plainSelect
      .replace('$campaign', `'${campaignId}'::uuid`)
      .replaceAll('$to', to ? `'${to}'::date` : 'NULL::date')
    const started = performance.now()
    let bytes = 0
    await pipeline(
      client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length
          done()
        },
      }),
    )
    return { ms: performance.now() - started, bytes }
  } finally {
    client.release()
  }
}

/** The last registration day up to which about `rows` of the campaign's enrollments were registered. */
async function dayWithRowsBefore(sql: pg.Pool, campaignId: string, rows: number): Promise<string> {
  const { rows: found } = await sql.query<{ day: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM (
       SELECT "registeredOn" AS day, sum(count(*)) OVER (ORDER BY "registeredOn") AS upto
         FROM "Enrollment" WHERE "campaignId" = $1 GROUP BY 1) days
      WHERE upto >= $2 ORDER BY day LIMIT 1`,
    [campaignId, rows],
  )
  const day = found[0]?.day
  if (!day) throw new Error('no enrollments to export')
  return day
}

/** The formats measured: BENCH_EXPORT_FORMATS=csv leaves out the XLSX downloads (a quicker A/B). */
const formats = (process.env.BENCH_EXPORT_FORMATS ?? 'csv,xlsx')
  .split(',')
  .filter((format): format is 'csv' | 'xlsx' => format === 'csv' || format === 'xlsx')

/**
 * Measures the exports and returns the report's lines. The API must stream the whole campaign
 * directly (EXPORT_JOB_ROWS above its size), which is what the floors are about.
 */
export async function benchExport({
  origin,
  apiPid,
  cookie,
  agent,
  sql,
  campaign,
}: {
  origin: string
  apiPid: number
  cookie: string
  agent: Agent
  sql: pg.Pool
  campaign: { id: string; code: string }
}): Promise<string[]> {
  const smallTo = await dayWithRowsBefore(sql, campaign.id, 50_000)
  const sizes = [
    { to: smallTo, label: `registered up to ${smallTo}` },
    { to: null, label: 'the whole campaign' },
  ]
  const lines = [
    '| export | rows | first byte ms | total s | MB | COPY s | ratio to COPY | API CPU s | API RSS start → peak MB | floor | met |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ]
  // Warm-up: the first request compiles the path and fills the instance's caches.
  await download(
    `${origin}/exports/enrollments.csv?campaign=${campaign.code}&to=${smallTo}`,
    cookie,
    agent,
    apiPid,
  )
  for (const size of sizes) {
    const [{ count }] = (
      await sql.query<{ count: number }>(
        `SELECT count(*)::int FROM "Enrollment" WHERE "campaignId" = $1 AND ($2::date IS NULL OR "registeredOn" <= $2::date)`,
        [campaign.id, size.to],
      )
    ).rows as [{ count: number }]
    const copy = await copyOut(sql, campaign.id, size.to)
    log(`export, ${size.label}: COPY of ${count} rows in ${(copy.ms / 1000).toFixed(1)} s`)
    for (const format of formats) {
      const query = new URLSearchParams({ campaign: campaign.code, ...(size.to ? { to: size.to } : {}) })
      const result = await download(`${origin}/exports/enrollments.${format}?${query}`, cookie, agent, apiPid)
      const ratio = result.totalMs / copy.ms
      const floors = ['first byte ≤ 1 s', ...(format === 'csv' ? ['≤ 3× COPY'] : [])]
      const met = result.firstByteMs <= 1_000 && (format !== 'csv' || ratio <= 3)
      log(
        `export ${format}, ${size.label}: first byte ${result.firstByteMs.toFixed(0)} ms, all in ${(result.totalMs / 1000).toFixed(1)} s, API CPU ${(result.cpuMs / 1000).toFixed(1)} s, RSS ${result.rssStartMb.toFixed(0)} → ${result.rssPeakMb.toFixed(0)} MB`,
      )
      lines.push(
        `| enrollments.${format}, ${size.label} | ${count.toLocaleString('en')} | ${result.firstByteMs.toFixed(0)} | ${(result.totalMs / 1000).toFixed(1)} | ${(result.bytes / 2 ** 20).toFixed(1)} | ${(copy.ms / 1000).toFixed(1)} | ${ratio.toFixed(1)} | ${(result.cpuMs / 1000).toFixed(1)} | ${result.rssStartMb.toFixed(0)} → ${result.rssPeakMb.toFixed(0)} | ${floors.join(', ')} | ${met ? 'yes' : 'NO'} |`,
      )
    }
  }
  return lines
}
