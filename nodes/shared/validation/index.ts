export * from './coerce';
export * from './fields';
export * from './reader';
export * from './instant';
