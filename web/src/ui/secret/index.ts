export { SecretReveal } from "./secret.reveal";
