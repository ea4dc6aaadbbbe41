import { useState } from 'react'
import { ApiError, isConflict } from './api/client'
import { errorText } from './errorText'
import { t } from './i18n'

// A failure the page has already put in the rep's words (e.g. "changed meanwhile; the form now shows
// the latest"), shown as it is.
export class UserMessage extends Error {}

export interface SubmitError {
  field?: string // the field the server named, to show the message under it
  message: string
}

// A form's send: one request at a time (a second tap while busy does nothing), and the failure in the
// rep's words with the field it concerns.
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<SubmitError | null>(null)
  const submit = async () => {
    if (busy)
      return
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError({ field: e instanceof ApiError ? e.field : undefined, message: e instanceof UserMessage ? e.message : errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}

// An edit sent with the version the form loaded: when someone changed the record meanwhile, the form
// shows theirs (`reload`) and the rep is told, instead of their change being overwritten.
export async function saveUnlessChanged(save: () => Promise<unknown>, reload: () => Promise<void>): Promise<void> {
  try {
    await save()
  } catch (e) {
    if (!isConflict(e))
      throw e
    await reload()
    throw new UserMessage(t.changedMeanwhile)
  }
}
