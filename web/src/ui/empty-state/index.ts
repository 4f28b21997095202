export { EmptyState } from "./empty-state.component";
