export {
  AVATAR_PALETTE,
  avatarColour,
  avatarInitials,
  generatedAvatarSvg,
  GENERATED_AVATAR_VERSION,
} from './generated.js'
export {
  readGifHeader,
  readImageHeader,
  readJpegHeader,
  readPngHeader,
  readWebpHeader,
} from './image-header.js'
export {
  AVATAR_LIMITS,
  avatarLimits,
  checkAvatarImage,
  removeAvatar,
  secondsUntilAvatarUpload,
  uploadAvatar,
} from './avatars.actions.js'
export { eraseAvatar, findAvatar, findAvatarVersion } from './avatars.queries.js'

/**
 * The URL of a person's uploaded avatar at a version: a new upload is a new URL, so each is immutable.
 * @example uploadedAvatarUrl(42, 3) // "/avatars/u/42/3"
 */
export function uploadedAvatarUrl(userId: number, version: number): string {
  return `/avatars/u/${userId}/${version}`
}
