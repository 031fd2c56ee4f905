import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy…/waitFor wait up to 5 s for what a screen shows after its lazy chunk and its answers: the
// default second is short when Turborepo runs the API's suite beside this one on two cores.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
  localStorage.clear()
})

// jsdom has no layout: Mantine asks for media queries and observes sizes.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}
// The router restores scroll positions on navigation.
window.scrollTo = () => {}
// Mantine's autosizing textarea measures again once web fonts load.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
})
// Mantine's combobox scrolls the selected option into view.
Element.prototype.scrollIntoView ??= () => {}
