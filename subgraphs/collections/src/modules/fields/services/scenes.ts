/** Where a tenant's field display applies (CCO admin § 9.4 `scene_type`). */
export const SCENE_TYPES = ['admin_case_list', 'admin_case_detail', 'collector_case_list', 'collector_case_detail', 'export'] as const;
export type SceneType = (typeof SCENE_TYPES)[number];

export const FIELD_SOURCES = ['standard', 'custom'] as const;
export const COLOR_TYPES = ['normal', 'red', 'orange', 'yellow', 'green', 'blue', 'gray'] as const;
export const FIELD_DATA_TYPES = ['String', 'Integer', 'Decimal', 'Date', 'Datetime', 'Boolean', 'Enum'] as const;
