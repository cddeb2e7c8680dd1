// Names and logins of the generated members of 浦阳镇's mentor pool (14 town cadres + 20 village
// secretaries, the article's figures). Pure, so the e2e specs can find the login of whichever
// mentor the app suggests without reading the database.
const GIVEN = ["国平", "利民", "永军", "海燕", "建伟", "丽娟", "伟强", "小红", "志刚", "春华", "建军", "秀芳", "卫东", "美娟", "国华", "燕飞", "文龙", "金娣", "荣根", "菊英"];
const SURNAMES = ["楼", "傅", "俞", "何", "蒋", "单", "孔", "洪", "陆", "许", "韩", "金", "宣", "沈", "汤", "斯", "骆", "钟", "葛", "来"];
export const PY_CADRE_MENTORS = 14;
export const PY_SECRETARY_MENTORS = 20;
const VILLAGES = ["py-xj", "py-jy", "py-cnh", "py-as", "py-sh"];

export type GeneratedMentor = { username: string; name: string; unit: string; line: string };

/** The i-th (0-based) town-cadre mentor. */
export function cadreMentor(i: number): GeneratedMentor {
  return { username: `py.cadre${i + 1}`, name: SURNAMES[i % 20]! + GIVEN[(i * 3) % 20]!, unit: "py", line: ["联村工作", "矛盾调解", "农业农村", "社区治理"][i % 4]! };
}

/** The i-th (0-based) village-secretary mentor. */
export function secretaryMentor(i: number): GeneratedMentor {
  return { username: `py.sec${i + 1}`, name: SURNAMES[(i + 7) % 20]! + GIVEN[(i * 7 + 1) % 20]!, unit: VILLAGES[i % 5]!, line: ["联村工作", "矛盾调解", "农业农村"][i % 3]! };
}

/** Name → login of every mentor the generator can make. */
export function generatedMentorLogins(): Record<string, string> {
  const all = [
    ...Array.from({ length: PY_CADRE_MENTORS }, (_, i) => cadreMentor(i)),
    ...Array.from({ length: PY_SECRETARY_MENTORS }, (_, i) => secretaryMentor(i)),
  ];
  return Object.fromEntries(all.map((m) => [m.name, m.username]));
}
