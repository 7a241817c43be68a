/**
 * The plain reply form: works without JavaScript (the composer island enhances it with a preview).
 * Posts Markdown to /threads/:id/replies with the CSRF token.
 */
export function ReplyForm({ threadId, csrfToken }: { threadId: number; csrfToken: string | null }) {
  return (
    <form class="reply-form" method="post" action={`/threads/${threadId}/replies`}>
      {csrfToken !== null && <input type="hidden" name="_csrf" value={csrfToken} />}
      <label class="field-label" for="reply-markdown">
        Your reply
      </label>
      <p class="field-hint" id="reply-markdown-hint">
        Markdown; fence code and logs with ``` so their line breaks survive.
      </p>
      <textarea
        id="reply-markdown"
        name="markdown"
        rows={8}
        required
        aria-describedby="reply-markdown-hint"
      />
      <button class="button" type="submit">
        Post reply
      </button>
    </form>
  )
}
