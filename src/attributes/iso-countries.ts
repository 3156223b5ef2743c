/**
 * ISO 3166-1 country codes (facts): alpha-2, alpha-3, English short name, then common English aliases.
 * Kosovo (GeoNames "XK", no ISO code) is "KSV" as in the Phoenix/CAMEO country dictionary.
 * Used to map GeoNames country codes to alpha-3 and to recognise country names (which are not cities).
 */

const TABLE = `
AD AND Andorra
AE ARE United Arab Emirates|UAE|Emirates
AF AFG Afghanistan
AG ATG Antigua and Barbuda|Antigua
AI AIA Anguilla
AL ALB Albania
AM ARM Armenia
AO AGO Angola
AQ ATA Antarctica
AR ARG Argentina
AS ASM American Samoa
AT AUT Austria
AU AUS Australia
AW ABW Aruba
AX ALA Aland Islands
AZ AZE Azerbaijan
BA BIH Bosnia and Herzegovina|Bosnia|Herzegovina|Bosnia-Herzegovina
BB BRB Barbados
BD BGD Bangladesh
BE BEL Belgium
BF BFA Burkina Faso
BG BGR Bulgaria
BH BHR Bahrain
BI BDI Burundi
BJ BEN Benin
BL BLM Saint Barthelemy
BM BMU Bermuda
BN BRN Brunei
BO BOL Bolivia
BQ BES Bonaire
BR BRA Brazil
BS BHS Bahamas
BT BTN Bhutan
BV BVT Bouvet Island
BW BWA Botswana
BY BLR Belarus
BZ BLZ Belize
CA CAN Canada
CC CCK Cocos Islands
CD COD Democratic Republic of the Congo|Congo|DR Congo|Zaire
CF CAF Central African Republic
CG COG Republic of the Congo|Congo-Brazzaville
CH CHE Switzerland
CI CIV Ivory Coast|Cote d'Ivoire
CK COK Cook Islands
CL CHL Chile
CM CMR Cameroon
CN CHN China
CO COL Colombia
CR CRI Costa Rica
CU CUB Cuba
CV CPV Cape Verde|Cabo Verde
CW CUW Curacao
CX CXR Christmas Island
CY CYP Cyprus
CZ CZE Czech Republic|Czechia
DE DEU Germany
DJ DJI Djibouti
DK DNK Denmark
DM DMA Dominica
DO DOM Dominican Republic
DZ DZA Algeria
EC ECU Ecuador
EE EST Estonia
EG EGY Egypt
EH ESH Western Sahara
ER ERI Eritrea
ES ESP Spain
ET ETH Ethiopia
FI FIN Finland
FJ FJI Fiji
FK FLK Falkland Islands|Falklands
FM FSM Micronesia
FO FRO Faroe Islands
FR FRA France
GA GAB Gabon
GB GBR United Kingdom|Britain|Great Britain|UK|England|Scotland|Wales|Northern Ireland
GD GRD Grenada
GE GEO Georgia
GF GUF French Guiana
GG GGY Guernsey
GH GHA Ghana
GI GIB Gibraltar
GL GRL Greenland
GM GMB Gambia
GN GIN Guinea
GP GLP Guadeloupe
GQ GNQ Equatorial Guinea
GR GRC Greece
GS SGS South Georgia
GT GTM Guatemala
GU GUM Guam
GW GNB Guinea-Bissau
GY GUY Guyana
HK HKG Hong Kong
HM HMD Heard Island and McDonald Islands
HN HND Honduras
HR HRV Croatia
HT HTI Haiti
HU HUN Hungary
ID IDN Indonesia
IE IRL Ireland
IL ISR Israel
IM IMN Isle of Man
IN IND India
IO IOT British Indian Ocean Territory
IQ IRQ Iraq
IR IRN Iran
IS ISL Iceland
IT ITA Italy
JE JEY Jersey
JM JAM Jamaica
JO JOR Jordan
JP JPN Japan
KE KEN Kenya
KG KGZ Kyrgyzstan
KH KHM Cambodia
KI KIR Kiribati
KM COM Comoros
KN KNA Saint Kitts and Nevis
KP PRK North Korea
KR KOR South Korea|Korea
KW KWT Kuwait
KY CYM Cayman Islands
KZ KAZ Kazakhstan
LA LAO Laos
LB LBN Lebanon
LC LCA Saint Lucia
LI LIE Liechtenstein
LK LKA Sri Lanka
LR LBR Liberia
LS LSO Lesotho
LT LTU Lithuania
LU LUX Luxembourg
LV LVA Latvia
LY LBY Libya
MA MAR Morocco
MC MCO Monaco
MD MDA Moldova
ME MNE Montenegro
MF MAF Saint Martin
MG MDG Madagascar
MH MHL Marshall Islands
MK MKD North Macedonia|Macedonia
ML MLI Mali
MM MMR Myanmar|Burma
MN MNG Mongolia
MO MAC Macau|Macao
MP MNP Northern Mariana Islands
MQ MTQ Martinique
MR MRT Mauritania
MS MSR Montserrat
MT MLT Malta
MU MUS Mauritius
MV MDV Maldives
MW MWI Malawi
MX MEX Mexico
MY MYS Malaysia
MZ MOZ Mozambique
NA NAM Namibia
NC NCL New Caledonia
NE NER Niger
NF NFK Norfolk Island
NG NGA Nigeria
NI NIC Nicaragua
NL NLD Netherlands|Holland
NO NOR Norway
NP NPL Nepal
NR NRU Nauru
NU NIU Niue
NZ NZL New Zealand
OM OMN Oman
PA PAN Panama
PE PER Peru
PF PYF French Polynesia
PG PNG Papua New Guinea
PH PHL Philippines
PK PAK Pakistan
PL POL Poland
PM SPM Saint Pierre and Miquelon
PN PCN Pitcairn Islands
PR PRI Puerto Rico
PS PSE Palestine|Palestinian Territories|West Bank|Gaza Strip
PT PRT Portugal
PW PLW Palau
PY PRY Paraguay
QA QAT Qatar
RE REU Reunion
RO ROU Romania
RS SRB Serbia
RU RUS Russia|Russian Federation
RW RWA Rwanda
SA SAU Saudi Arabia
SB SLB Solomon Islands
SC SYC Seychelles
SD SDN Sudan
SE SWE Sweden
SG SGP Singapore
SH SHN Saint Helena
SI SVN Slovenia
SJ SJM Svalbard and Jan Mayen|Svalbard
SK SVK Slovakia
SL SLE Sierra Leone
SM SMR San Marino
SN SEN Senegal
SO SOM Somalia
SR SUR Suriname
SS SSD South Sudan
ST STP Sao Tome and Principe
SV SLV El Salvador
SX SXM Sint Maarten
SY SYR Syria
SZ SWZ Eswatini|Swaziland
TC TCA Turks and Caicos Islands
TD TCD Chad
TF ATF French Southern Territories
TG TGO Togo
TH THA Thailand
TJ TJK Tajikistan
TK TKL Tokelau
TL TLS East Timor|Timor-Leste
TM TKM Turkmenistan
TN TUN Tunisia
TO TON Tonga
TR TUR Turkey|Turkiye
TT TTO Trinidad and Tobago|Trinidad
TV TUV Tuvalu
TW TWN Taiwan
TZ TZA Tanzania
UA UKR Ukraine
UG UGA Uganda
UM UMI United States Minor Outlying Islands
US USA United States|United States of America|America|USA|US|U.S.
UY URY Uruguay
UZ UZB Uzbekistan
VA VAT Vatican City|Vatican|Holy See
VC VCT Saint Vincent and the Grenadines
VE VEN Venezuela
VG VGB British Virgin Islands
VI VIR United States Virgin Islands
VN VNM Vietnam|Viet Nam
VU VUT Vanuatu
WF WLF Wallis and Futuna
WS WSM Samoa
XK KSV Kosovo
YE YEM Yemen
YT MYT Mayotte
ZA ZAF South Africa
ZM ZMB Zambia
ZW ZWE Zimbabwe
`;

export interface CountryInfo {
  iso2: string;
  iso3: string;
  name: string;
  aliases: readonly string[];
}

/** The rows of the table, parsed (a fresh array on each call; cheap: ~250 rows). */
export function countryTable(): CountryInfo[] {
  const out: CountryInfo[] = [];
  for (const line of TABLE.split('\n')) {
    const m = /^([A-Z]{2}) ([A-Z]{3}) (.+)$/.exec(line.trim());
    if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) continue;
    const names = m[3].split('|');
    out.push({ iso2: m[1], iso3: m[2], name: names[0] ?? m[3], aliases: names.slice(1) });
  }
  return out;
}

/** ISO alpha-2 → alpha-3 ("AF" → "AFG"); unknown codes are absent. */
export function iso2to3Map(): Map<string, string> {
  return new Map(countryTable().map((c) => [c.iso2, c.iso3]));
}

/**
 * Country names and aliases (exact spelling) → alpha-3. Also regions that are not cities but share names
 * with small towns elsewhere are *not* here: see places.ts.
 */
export function countryNameMap(): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of countryTable()) {
    out.set(c.name, c.iso3);
    for (const a of c.aliases) out.set(a, c.iso3);
  }
  return out;
}
