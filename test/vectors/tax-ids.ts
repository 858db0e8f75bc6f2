/** Real codes and one-change negatives, checked by computation in DOMAIN.md §3.3–3.4. Shared by Node and browser tests. */
export const VALID_USCC: readonly (readonly [string, string])[] = [
  ['91330106673959654P', '阿里云计算有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91110000802100433B', '北京百度网讯科技有限公司'],
  ['91110108717743469K', '百度在线网络技术(北京)有限公司'],
  ['91310000775785552L', '百度(中国)有限公司'],
  ['911101087877515792', '百度时代网络技术(北京)有限公司'],
  ['91110108575152689B', '百度移信网络技术(北京)有限公司'],
  ['91110108MA01QAH21L', '百度健康(北京)科技有限公司'],
  ['91110302MA00DW8P02', '北京百度智行科技有限公司'],
  ['91110108080482723H', '北京百度多酷科技有限公司'],
  ['911101080673385595', '北京嘀嘀无限科技发展有限公司'],
  ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
  ['91110108551385082Q', '小米科技有限责任公司'],
  ['914403001922038216', '华为技术有限公司'],
  ['911101085636549482', '腾讯云计算（北京）有限责任公司'],
  ['91520900MA6J6CBN9Q', '华为云计算技术有限公司'],
  ['121200004013590816', 'public institution'],
  ['92340602MA2PBMEM24', '个体工商户'],
  ['91620105L015101280', 'letter inside the organisation part'],
  ['91110000600037341L', 'python-stdnum list'],
];

/** [input, problem] — every one must be rejected. */
export const INVALID_USCC: readonly (readonly [string, 'checksum' | 'format' | 'length' | 'truncated'])[] = [
  ['91330106673959654Q', 'checksum'],
  ['9144030071526726XH', 'checksum'],
  ['91440300708461137T', 'checksum'],
  ['914403001922038217', 'checksum'],
  ['91110000802100433A', 'checksum'],
  ['91110108551385083Q', 'checksum'],
  ['91520900MA6J6CBN9R', 'checksum'],
  ['92440300708461136T', 'checksum'],
  ['911101147263767523', 'checksum'],
  ['91330106673959654O', 'format'],
  ['91A30106673959654P', 'format'],
  ['9133010667395965P', 'truncated'],
  ['91330106673959654PP', 'length'],
  // Mock-data codes that look real but fail (DOMAIN.md §3.3 "do not use as positives").
  ['91110108717809965C', 'checksum'],
  ['9133010057462616XH', 'checksum'],
  ['914403001870826678', 'checksum'],
];

/** Real pilot-era codes that fail the USCC check but pass the organisation-code check: overridable warnings. */
export const PILOT_ERA_CODES: readonly (readonly [string, string])[] = [
  ['91350100M0001TGQXM', '1'],
  ['91350211M0000XUF46', 'R'],
  ['91350203M0001FUE2P', 'J'],
];
