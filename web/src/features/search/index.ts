/** Global search (Ctrl/Cmd-K) across contacts and companies. */
export { SearchButton, SearchSpotlight } from "./search.spotlight";
