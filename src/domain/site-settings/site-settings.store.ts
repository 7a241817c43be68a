/**
 * Settings are read on every page (the site name), so each process keeps them in memory and reads the
 * table again at most every `ttlMs` (default 5 s): a change made in another process shows within that.
 * A change made through this store shows at once in this process, and in the others when `onSaved`
 * tells them (Redis pub/sub: http/plugins/site-settings.ts) and they call {@link forget}.
 */
import type { Db } from '../../db/schema.js'
import { loadSiteSettings, saveSiteSettings } from './site-settings.actions.js'
import type { SettingKey, SiteSettings } from './site-settings.types.js'

export class SiteSettingsStore {
  private current: SiteSettings | undefined
  private loadedAt = 0
  private loading: Promise<SiteSettings> | undefined

  /** Called after a change is saved (the plugin tells the other processes). */
  onSaved: (() => void) | null = null

  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5000,
  ) {}

  /** Makes the next request read the table again (another process changed it). */
  forget(): void {
    this.loadedAt = 0
  }

  async get(now = Date.now()): Promise<SiteSettings> {
    if (this.current && now - this.loadedAt < this.ttlMs) return this.current
    this.loading ??= loadSiteSettings(this.db).then(
      (settings) => {
        this.current = settings
        this.loadedAt = now
        this.loading = undefined
        return settings
      },
      (error: unknown) => {
        this.loading = undefined
        throw error
      },
    )
    return this.loading
  }

  /** Reads the table again when the values are older than the TTL; undefined when they are fresh. */
  refreshIfStale(now = Date.now()): Promise<SiteSettings> | undefined {
    return this.current && now - this.loadedAt < this.ttlMs ? undefined : this.get(now)
  }

  /** The last values read, without waiting (undefined before the first read). */
  peek(): SiteSettings | undefined {
    return this.current
  }

  async save(changes: Partial<Record<SettingKey, unknown>>, actorId: number, now = Date.now()) {
    const result = await saveSiteSettings(this.db, changes, actorId, now)
    if (result.ok) {
      this.current = result.value
      this.loadedAt = now
      this.onSaved?.()
    }
    return result
  }
}
