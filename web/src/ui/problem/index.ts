export { ProblemAlert } from "./problem.alert";
export { notifyProblem, notifySuccess } from "./problem.notify";
export { problemDetail, problemFieldErrors } from "./problem.fields";
