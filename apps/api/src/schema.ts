import { builder } from './builder.ts'
import './modules/scalars.ts'
import './modules/enums.ts'
import './modules/wards/ward.ts'
import './modules/centers/center.ts'
import './modules/campaigns/campaign.ts'

export const schema = builder.toSchema({ sortSchema: true })
