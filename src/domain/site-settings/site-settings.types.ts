/**
 * The settings staff edit at /admin/settings, each with its default, its bounds and the words the form
 * shows. The bounds are the ones the browser (min/max/maxlength), the server and docs/moderation.md use.
 */
import { msg } from '../shared/index.js'

export const SETTINGS = {
  siteName: {
    kind: 'text',
    default: 'Quorum',
    min: 1,
    max: 60,
    label: msg('Site name'),
    help: msg('Shown in the header, the page titles and the mail.'),
  },
  siteDescription: {
    kind: 'text',
    default:
      'Questions and answers for people who write drivers, kernels, file systems and network stacks.',
    min: 0,
    max: 300,
    label: msg('Site description'),
    help: msg('The description search engines and link previews show.'),
  },
  registration: {
    kind: 'choice',
    default: 'open',
    choices: ['open', 'invite', 'closed'],
    label: msg('Registration'),
    help: msg('Open to anyone, by invitation from staff, or closed.'),
  },
  flagsToHide: {
    kind: 'int',
    default: 3,
    min: 1,
    max: 20,
    label: msg('Flags that hide a post'),
    help: msg(
      'Members whose flags hide a post until a moderator decides (one flag from a trusted member is enough).',
    ),
  },
  newAccountDays: {
    kind: 'int',
    default: 7,
    min: 0,
    max: 90,
    label: msg('Days an account stays new'),
    help: msg(
      'A new account leaves the new level after this many days and the accepted posts below.',
    ),
  },
  newAccountPosts: {
    kind: 'int',
    default: 3,
    min: 0,
    max: 50,
    label: msg('Posts a new account needs'),
    help: msg('Posts that were not hidden or deleted.'),
  },
  newAccountLinks: {
    kind: 'int',
    default: 2,
    min: 0,
    max: 50,
    label: msg('Links per post from a new account'),
    help: '',
  },
  newAccountMentions: {
    kind: 'int',
    default: 2,
    min: 0,
    max: 10,
    label: msg('People a new account may mention per post'),
    help: '',
  },
  newAccountApprovalPosts: {
    kind: 'int',
    default: 2,
    min: 0,
    max: 10,
    label: msg('First posts of a new account that wait for approval'),
    help: msg('0 publishes them at once.'),
  },
  newAccountPostDelaySeconds: {
    kind: 'int',
    default: 60,
    min: 0,
    max: 3600,
    label: msg('Seconds between posts from a new account'),
    help: '',
  },
  signUpMinSeconds: {
    kind: 'int',
    default: 3,
    min: 0,
    max: 120,
    label: msg('Least seconds to fill the sign-up form'),
    help: msg('Faster submissions are taken for a script and refused.'),
  },
  trustedDays: {
    kind: 'int',
    default: 90,
    min: 1,
    max: 3650,
    label: msg('Days before a member can be trusted'),
    help: '',
  },
  trustedBoosts: {
    kind: 'int',
    default: 10,
    min: 0,
    max: 10000,
    label: msg('Boosts received before a member is trusted'),
    help: msg('And no flag on their posts that staff agreed with.'),
  },
  webhooksToPrivateAddresses: {
    kind: 'choice',
    default: 'refuse',
    choices: ['refuse', 'allow'],
    label: msg('Webhooks to private addresses'),
    help: msg(
      'Allow webhook endpoints on loopback and private networks (a receiver inside your own network). Keep “refuse” on a public forum.',
    ),
  },
} as const

export type SettingKey = keyof typeof SETTINGS

type ValueOf<D> = D extends { kind: 'int' }
  ? number
  : D extends { kind: 'choice'; choices: readonly (infer C)[] }
    ? C
    : string

/** Every setting with its current value. */
export type SiteSettings = { -readonly [K in SettingKey]: ValueOf<(typeof SETTINGS)[K]> }
