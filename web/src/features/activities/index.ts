/** Activities: logging interactions, record timelines, and the "My tasks" page. */
export { TimelinePanel } from "./timeline.panel";
export { MyTasksPage } from "./my-tasks.page";
export { TaskDoneCheckbox } from "./timeline.item";
export { useActivities } from "./api/activities.queries";
