import { PropsWithChildren } from 'react'
import './app.css'

// Pages render as the app's children; each page checks the session itself (useSignedIn).
export default function App({ children }: PropsWithChildren) {
  return children
}
