import type { Messages } from './vi.ts'

export const en: Messages = {
  app: {
    name: 'Tăng Tốc',
    tagline: 'Running social and health insurance enrollment campaigns',
    navigation: 'Main navigation',
  },
  language: {
    label: 'Language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  state: {
    loading: 'Loading…',
    failed: 'Could not load the data: {{message}}',
    retry: 'Try again',
  },
  campaign: {
    plural: 'Campaigns',
    listLabel: 'Campaign list',
    empty: 'There are no campaigns yet.',
    more: 'More campaigns',
    notFound: 'There is no campaign with code {{code}}.',
    backToList: 'All campaigns',
    name: 'Campaign',
    code: 'Code',
    period: 'Period',
    periodValue: '{{start}} – {{end}}',
    status: 'Status',
    timeZone: 'Time zone',
  },
  target: {
    plural: 'Targets',
    product: 'Product',
    allProducts: 'All products',
    center: 'Center',
    wholeCampaign: 'Whole campaign',
    milestone: 'Milestone',
    dueAtCampaignEnd: 'Campaign end',
    count: 'Participants',
    countValue: '{{value, number}}',
    empty: 'The campaign has no targets yet.',
    more: 'More targets',
  },
  center: {
    plural: 'Participating centers',
    code: 'Code',
    name: 'Center',
    kind: 'Kind',
    role: 'Role',
    empty: 'No centers take part in the campaign yet.',
  },
}
