// @status-lint/project-scanner: a TypeScript server project read as routes and responses, for the drift rules and the response rules.
export { scanProject, type CodeResponse, type ProjectScan } from './scan.js';
export { ProjectError, type CodeLocation, type FileProblem } from './project.js';
