import loaders from './plan-loaders';

/** Every plan's id, as the plan-data plugin writes them: the loader map's keys. */
export default Object.keys(loaders);
