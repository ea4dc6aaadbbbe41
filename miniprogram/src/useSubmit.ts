import { useState } from 'react'
import { ApiError } from './api/client'
import { errorText } from './errorText'

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
      setError({ field: e instanceof ApiError ? e.field : undefined, message: errorText(e) })
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}
