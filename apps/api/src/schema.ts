import { builder } from './builder.ts'
import './error-types.ts'
import './modules/scalars.ts'
import './modules/enums.ts'
import './modules/wards/ward.ts'
import './modules/centers/center.ts'
import './modules/campaigns/campaign.ts'
import './modules/users/user.ts'
import './modules/auth/auth.ts'
import './modules/reports/campaign-progress.ts'
import './modules/contribution/contribution-parameter.ts'
import './modules/contribution/quote.ts'

export const schema = builder.toSchema({ sortSchema: true })
