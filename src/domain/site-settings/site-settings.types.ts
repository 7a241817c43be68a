/**
 * The settings staff edit at /admin/settings, each with its default, its bounds and the words the form
 * shows. The bounds are the ones the browser (min/max/maxlength), the server and docs/moderation.md use.
 */
export const SETTINGS = {
  siteName: {
    kind: 'text',
    default: 'Quorum',
    min: 1,
    max: 60,
    label: 'Site name',
    help: 'Shown in the header, the page titles and the mail.',
  },
  siteDescription: {
    kind: 'text',
    default:
      'Questions and answers for people who write drivers, kernels, file systems and network stacks.',
    min: 0,
    max: 300,
    label: 'Site description',
    help: 'The description search engines and link previews show.',
  },
  registration: {
    kind: 'choice',
    default: 'open',
    choices: ['open', 'invite', 'closed'],
    label: 'Registration',
    help: 'Open to anyone, by invitation from staff, or closed.',
  },
  flagsToHide: {
    kind: 'int',
    default: 3,
    min: 1,
    max: 20,
    label: 'Flags that hide a post',
    help: 'Members whose flags hide a post until a moderator decides (one flag from a trusted member is enough).',
  },
  newAccountDays: {
    kind: 'int',
    default: 7,
    min: 0,
    max: 90,
    label: 'Days an account stays new',
    help: 'A new account leaves the new level after this many days and the accepted posts below.',
  },
  newAccountPosts: {
    kind: 'int',
    default: 3,
    min: 0,
    max: 50,
    label: 'Posts a new account needs',
    help: 'Posts that were not hidden or deleted.',
  },
  newAccountLinks: {
    kind: 'int',
    default: 2,
    min: 0,
    max: 50,
    label: 'Links per post from a new account',
    help: '',
  },
  newAccountMentions: {
    kind: 'int',
    default: 2,
    min: 0,
    max: 10,
    label: 'People a new account may mention per post',
    help: '',
  },
  newAccountApprovalPosts: {
    kind: 'int',
    default: 2,
    min: 0,
    max: 10,
    label: 'First posts of a new account that wait for approval',
    help: '0 publishes them at once.',
  },
  newAccountPostDelaySeconds: {
    kind: 'int',
    default: 60,
    min: 0,
    max: 3600,
    label: 'Seconds between posts from a new account',
    help: '',
  },
  signUpMinSeconds: {
    kind: 'int',
    default: 3,
    min: 0,
    max: 120,
    label: 'Least seconds to fill the sign-up form',
    help: 'Faster submissions are taken for a script and refused.',
  },
  trustedDays: {
    kind: 'int',
    default: 90,
    min: 1,
    max: 3650,
    label: 'Days before a member can be trusted',
    help: '',
  },
  trustedBoosts: {
    kind: 'int',
    default: 10,
    min: 0,
    max: 10000,
    label: 'Boosts received before a member is trusted',
    help: 'And no flag on their posts that staff agreed with.',
  },
  webhooksToPrivateAddresses: {
    kind: 'choice',
    default: 'refuse',
    choices: ['refuse', 'allow'],
    label: 'Webhooks to private addresses',
    help: 'Allow webhook endpoints on loopback and private networks (a receiver inside your own network). Keep “refuse” on a public forum.',
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
