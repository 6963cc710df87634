/** The helper process's entry (see `AnalysisHelper` in ./parallel): its default export is all it loads and runs. */
export {serveAnalysis as default} from './parallel';
