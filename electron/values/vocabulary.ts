/** The words of FORMATS.md's enumerated columns: one list each, for the schema, the API, the sheets and the grids. */
export const RANKS = ['科级以上领导干部', '一般干部'] as const;
export const CATEGORIES = ['贫困户', '特殊户'] as const;
export const POVERTY_ATTRS = ['一般贫困户', '低保贫困户', '特困供养贫困户', '五保户'] as const;
/** In the order of the national codes 01–11, then 99. */
export const POVERTY_CAUSES = ['因病', '因残', '因学', '因灾', '缺土地', '缺水', '缺技术', '缺劳力', '缺资金', '交通条件落后', '自身发展动力不足', '其他'] as const;
export const LAND_MODES = ['出租', '转包', '互换', '转让', '入股', '其他'] as const;
export const TRANSFEREE_KINDS = ['企业', '合作社', '种植大户', '农户'] as const;
export const GREENHOUSE_TYPES = ['钢架大棚', '日光温室'] as const;
export const GREENHOUSE_PROGRESS = ['规划', '在建', '建成', '已验收'] as const;
export const WORK_CATEGORIES = ['宣传', '生产发展计划', '热点难点问题', '一事一议', '矛盾纠纷调解', '帮办实事', '捐赠', '土地调整', '其他'] as const;
