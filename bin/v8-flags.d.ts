export declare const V8_FLAGS: string[];
export declare const LONE_FILE_MAX_BYTES: number;
