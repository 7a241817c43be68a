export {
  AVATAR_PALETTE,
  avatarColour,
  avatarInitials,
  generatedAvatarSvg,
  GENERATED_AVATAR_VERSION,
} from './generated.js'
