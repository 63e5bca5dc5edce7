export * from "./phase";
export * from "./rating";
export * from "./target";
export * from "./item";
export * from "./finding";
export * from "./labels";
