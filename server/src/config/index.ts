export { parseConfig, LABEL_TYPES, type ConfigProblem, type FailureThreshold, type LayerwiseConfig, type ParseOptions, type RuleSeverity } from './load.js';
export { CONFIG_FILE_NAMES, findConfigFile, loadConfigFor, type FoundConfig } from './find.js';
