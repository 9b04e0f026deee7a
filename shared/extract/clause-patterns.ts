/**
 * Cue patterns for each clause category, in English and Chinese. A category is present when one of its
 * patterns matches a sentence that none of its `unless` patterns matches. Patterns run on the matching
 * copy of the text (NFKC, straight quotes), so they use ASCII quotes and half-width punctuation.
 */

export const CLAUSE_CATEGORIES = [
  'governing-law',
  'anti-assignment',
  'cap-on-liability',
  'uncapped-liability',
  'audit-rights',
  'insurance',
  'termination-for-convenience',
  'non-compete',
  'exclusivity',
  'ip-ownership-assignment',
  'warranty-duration',
  'liquidated-damages',
  'change-of-control',
  'renewal-term',
  'confidentiality',
  'dispute-resolution',
] as const;

export type ClauseCategory = (typeof CLAUSE_CATEGORIES)[number];

export interface ClausePatterns {
  en: RegExp[];
  zh: RegExp[];
  /** A sentence matching one of these does not count (e.g. "non-exclusive" for exclusivity). */
  unless?: RegExp[];
}

const NOTICE_PERIOD = String.raw`(?:\w+[\s-]+)?(?:\(\s*\d+\s*\)[\s-]*)?(?:\d+\s*)?(?:calendar\s+|business\s+)?(?:days?|months?)'?s?`;

export const CLAUSE_PATTERNS: Record<ClauseCategory, ClausePatterns> = {
  'governing-law': {
    en: [
      /\b(?:governed|construed|interpreted|enforced)\b[^.;]{0,120}?\b(?:laws?|legislation)\s+of\b/i,
      /\b(?:governed\s+by|subject\s+to)\s+(?:the\s+)?[A-Z][a-z]+\s+law\b/,
      /\bgoverning\s+law\b|\bchoice\s+of\s+law\b/i,
    ],
    zh: [/适用[^。；]{0,30}法律/, /(?:受|依据|依照|按照)[^。；]{0,30}法律(?:管辖|解释)/, /管辖法律|法律适用/],
  },
  'anti-assignment': {
    en: [
      /\b(?:shall|may|will|can)\s+not\s+(?:[\w,]+\s+){0,4}(?:assign|transfer|delegate)/i,
      /\b(?:shall|may|will)\s+not\s+be\s+(?:assigned|transferred|assignable|transferable)/i,
      /\bno\s+(?:party|\w+)\s+(?:shall|may|will)\s+(?:\w+\s+){0,3}(?:assign|transfer)/i,
      /\b(?:neither|no)\s+(?:party|this\s+agreement)\b[^.;]{0,80}\b(?:assign|transfer)/i,
      /\bassign(?:ment|ed|able)?\b[^.;]{0,200}\bwithout\s+(?:the\s+)?(?:express\s+)?(?:prior\s+)?(?:express\s+)?(?:written\s+)?(?:consent|approval)/i,
      /\bnon-?(?:assignable|transferable)\b/i,
      /\b(?:assignment|transfer)\b[^.;]{0,80}\b(?:requires?|subject\s+to)\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?(?:consent|approval)/i,
      /\b(?:rights|obligations|duties)\b[^.;]{0,80}\bpersonal\s+to\b/i,
    ],
    zh: [
      /未经[^。；]{0,30}同意[^。；]{0,40}(?:不得|无权)[^。；]{0,20}转让/,
      /不得[^。；]{0,30}转让[^。；]{0,20}(?:第三方|他人|权利|义务)/,
    ],
  },
  'cap-on-liability': {
    en: [
      /\b(?:aggregate|total|maximum|cumulative|entire|collective)\s+(?:\w+\s+){0,2}liability\b[^.;]{0,250}\b(?:exceed|limited\s+to|not\s+to\s+exceed|in\s+excess\s+of|capped)/i,
      /\b(?:liability|damages|reimbursements?|recovery)\b[^.;]{0,150}\b(?:shall|will|may)\s+(?:not|in\s+no\s+event)\s+exceed/i,
      /\bin\s+no\s+event\s+(?:shall|will)\b[^.;]{0,150}\bliab(?:le|ility)\b[^.;]{0,200}\b(?:exceed|in\s+excess|greater\s+than)/i,
      /\b(?:shall|will)\s+not\s+be\s+liable\b[^.;]{0,100}\b(?:in\s+excess\s+of|for\s+more\s+than|beyond)/i,
      /\b(?:not|no|in\s+no\s+event|neither\s+party|under\s+no\s+circumstances)\b[^.;]{0,250}\b(?:liable|liability|responsible)\b[^.;]{0,120}\b(?:indirect|incidental|consequential|special|punitive|exemplary|lost\s+profits)/i,
      /\b(?:liability|responsibility|claims?|losses|damages)\b[^.;]{0,100}\b(?:shall\s+be\s+)?limited\s+to\b/i,
      /\b(?:claims?|actions?|suits?|proceedings?)\b[^.;]{0,100}\b(?:must|shall|may)\s+(?:only\s+)?be\s+(?:brought|commenced|filed)\s+within\b/i,
      /\b(?:unless|must\s+be|shall\s+be)\s+commenced\s+within\s+(?:\w+\s+){1,3}(?:months?|years?)/i,
      /\bliability\s+cap\b|\blimitation\s+of\s+liability\b/i,
    ],
    zh: [
      /赔偿(?:责任)?(?:总额|金额|累计)?[^。；]{0,30}(?:不超过|不应超过|不得超过|以[^。；]{0,30}为限)/,
      /责任(?:限额|上限)|最高赔偿/,
      /不(?:承担|负责)[^。；]{0,20}(?:间接|附带|后果性|惩罚性)损失/,
    ],
  },
  'uncapped-liability': {
    en: [
      /\b(?:limitations?|exclusions?|caps?|limits?|disclaimers?)\b[^.;]{0,160}\b(?:shall|will|do|does)\s+not\s+apply\s+(?:to|with\s+respect\s+to|in)\b/i,
      /\bnot\s+be\s+(?:subject\s+to|limited\s+by)\s+(?:the\s+)?(?:foregoing\s+)?(?:limitation|cap|exclusion)/i,
      /\bunlimited\s+liability\b(?!\s+compan)|\bwithout\s+limit(?:ation)?\s*,?\s+for\b/i,
      /\bnothing\s+in\s+this\s+(?:agreement|section|article|clause)\b[^.;]{0,60}\b(?:limit|exclude)s?\b[^.;]{0,30}\bliability/i,
      // "Except for breaches of Article 9 or gross negligence, in no event shall either party be liable …"
      /\b(?:except|excluding|other\s+than|save)\b[^.;]{0,200}?\b(?:breach|indemn|negligen|misconduct|infring|fraud|confidential|death|bodily|personal\s+injury)\w*\b[^.;]{0,200}?\b(?:neither\s+party|in\s+no\s+event|under\s+no\s+circumstances|(?:total|aggregate|maximum|cumulative)\s+liability|(?:shall|will)\s+not\s+be\s+liable|no\s+party)/i,
      // "… shall not be liable for consequential damages, except for breach of confidentiality"
      /\b(?:not|no|neither|in\s+no\s+event)\b[^.;]{0,100}\b(?:liable|liability)\b[^.;]{0,300}?\b(?:except|excluding|other\s+than)\s+(?:for\s+|with\s+respect\s+to\s+|in\s+the\s+(?:event|case)\s+of\s+|as\s+(?:a\s+result\s+of|provided\s+in)\s+)?(?:\w+\s+){0,4}(?:breach|indemn|negligen|misconduct|infring|fraud|confidential)/i,
    ],
    zh: [/不受[^。；]{0,20}(?:限额|上限|限制)/, /(?:责任限制|赔偿上限)[^。；]{0,30}不适用/],
  },
  'audit-rights': {
    en: [
      /\b(?:right\s+to|may|shall\s+be\s+entitled\s+to|permit\s+\w+(?:\s+\w+)?\s+to|allow\s+\w+(?:\s+\w+)?\s+to)\s+(?:\w+\s+){0,4}(?:audit|inspect|examine)\b/i,
      /\baudit(?:s|ed|ing)?\b[^.;]{0,120}\b(?:books|records|accounts)\b/i,
      /\b(?:books|records|accounts)\b[^.;]{0,120}\b(?:audit|inspect(?:ion|ed)?|examin(?:e|ation|ed))\b/i,
      /\b(?:review|inspect|examine|audit)\b[^.;]{0,40}\b(?:books|records|accounts|facilities)\b/i,
      /\b(?:records?|books|information|reports?)\b[^.;]{0,120}\bavailable\s+(?:for\s+(?:review|inspection|audit|examination)|to\s+\w+(?:\s+\w+)?\s+(?:upon|on)\s+(?:reasonable\s+)?(?:prior\s+)?(?:written\s+)?(?:notice|request))/i,
      /\baudit\s+rights?\b/i,
    ],
    zh: [/审计/, /(?:查阅|检查|核查)[^。；]{0,20}(?:账簿|账目|会计|记录|财务)/],
  },
  insurance: {
    en: [
      /\b(?:maintain|carry|obtain|procure|keep|purchase)\b[^.;]{0,120}\binsurance\b/i,
      /\binsurance\s+(?:policy|policies|coverage|carrier|certificate)/i,
      /\bcertificates?\s+of\s+insurance\b/i,
      /\badditional\s+insureds?\b/i,
      /\b(?:general|product|professional|public)\s+liability\s+insurance\b/i,
    ],
    zh: [/投保/, /保险(?:单|费|金额|责任|公司|合同)/, /购买[^。；]{0,20}保险/],
  },
  'termination-for-convenience': {
    en: [
      // A party may end the contract without giving a reason ("for any reason", "for convenience", "without cause").
      /\b(?:may|can|shall\s+(?:have|be\s+entitled\s+to)|has\s+the\s+right\s+to|have\s+the\s+right\s+to|reserves\s+the\s+right\s+to|is\s+entitled\s+to)\s+(?:\w+\s+){0,4}?terminat(?:e|ed)\b[^.;]{0,200}?\b(?:for\s+(?:any|no)\s+reason|for\s+(?:its\s+)?convenience|without\s+cause|with\s+or\s+without\s+cause|at\s+(?:any\s+time\s+)?(?:in\s+)?(?:its|their)\s+(?:sole\s+)?(?:discretion|option|convenience)|for\s+any\s+or\s+no\s+reason|at\s+will)/i,
      /\b(?:for\s+(?:its\s+)?convenience|without\s+cause|at\s+will)\b[^.;]{0,80}\bterminat/i,
      // or on notice alone: "either Party may terminate this Agreement by giving thirty (30) days' prior written notice"
      new RegExp(
        String.raw`\bterminat(?:e|ed|ion)\b[^.;]{0,120}?\b(?:upon|on|by\s+giving|with|by\s+providing|by\s+delivering|by\s+serving)\s+(?:the\s+other\s+party\s+)?(?:at\s+least\s+|not\s+less\s+than\s+|no\s+less\s+than\s+)?${NOTICE_PERIOD}\s+(?:prior\s+|advance\s+)?(?:written\s+)?notice`,
        'i',
      ),
      /\b(?:at\s+any\s+time)\s+(?:upon|on|by\s+giving|with)\s+(?:\w+[\s-]+)?(?:\(\s*\d+\s*\)\s*)?(?:\d+\s*)?days?'?\s*(?:prior\s+|advance\s+)?(?:written\s+)?notice/i,
    ],
    zh: [
      /(?:任何一方|任一方|甲方|乙方|双方)[^。；]{0,10}(?:可|有权)[^。；]{0,10}(?:随时|提前[^。；]{1,10}(?:书面)?通知)[^。；]{0,20}(?:解除|终止)/,
      /无需(?:说明)?(?:任何)?理由[^。；]{0,20}(?:解除|终止)/,
    ],
    unless: [
      /\bbreach|\bdefault|\bfail(?:s|ure|ed)?\b|\binsolven|\bbankrupt|\bmaterial(?:ly)?\b|\bcure\b|\bif\s+the\s+other|违约|破产/i,
      // ending the contract at the end of a term is non-renewal, not termination for convenience
      /\bexpir|\bend\s+of\s+(?:the|any|its|each)\s+(?:\w+\s+)?term|\brenewal/i,
    ],
  },
  'non-compete': {
    en: [
      /\bnon-?\s?compet(?:e|ition|ing)\b/i,
      /\bnot\s+(?:to\s+)?compete\b/i,
      /\b(?:shall|will|may|agrees?\s+(?:that\s+it\s+)?(?:shall\s+|will\s+)?)\s*not\b[^.;]{0,250}?\b(?:compet(?:e|es|ing|itive|itor|itors|ition)|rival)\b/i,
      /\b(?:shall|will|may|agrees?\s+)not\b[^.;]{0,150}\b(?:engage|participate|invest|be\s+involved)\b[^.;]{0,150}\b(?:similar\s+(?:business|products?))/i,
      /\brestrictive\s+covenants?\b|\bcovenants?\s+not\s+to\s+compete\b/i,
    ],
    zh: [
      /竞业(?:限制|禁止)/,
      /不得[^。；]{0,40}(?:从事|经营|生产|销售|投资)[^。；]{0,40}(?:竞争|相同或(?:相)?类似|同类)/,
    ],
  },
  exclusivity: {
    en: [
      /\bexclusive\s+(?:and\s+sole\s+)?(?:license|licen[cs]e|distributor|distribution|basis|supplier|provider|agent|agency|dealer|reseller|partner|licensee|relationship|arrangement|marketing|sales|sponsor|supply|manufacturer|territory|option|negotiat)/i,
      /\bexclusive\s+rights?\b/i,
      // "an exclusive, royalty free, perpetual license", "the exclusive, non-transferable right and license"
      /\bexclusive\s*,\s*(?:[\w-]+(?:\s+and)?\s*,?\s*){0,5}(?:license|licen[cs]e|right)\b/i,
      /\b(?:granted|given|licensed|sold)\s+to\s+anyone\s+other\s+than\b/i,
      /\b(?:sole\s+and\s+)?exclusive\s+(?:\w+\s+){0,2}(?:distributor|supplier|provider|reseller|licensee|agent|sponsor)\b/i,
      /\b(?:all|one\s+hundred\s+percent|100%)\s+of\s+(?:its|their|buyer's|customer's|the\s+company's)\s+(?:\w+\s+){0,2}requirements\b/i,
      /\bexclusively\s+(?:and\s+directly\s+)?(?:through|from|with)\b/i,
      /\b(?:shall|will)\s+not\s+(?:appoint|authori[sz]e|engage)\s+(?:any\s+other|another|any\s+third\s+party)\s+(?:\w+\s+){0,2}(?:supplier|distributor|vendor|provider|manufacturer|reseller|licensee|sponsor|agent)s?\b/i,
    ],
    zh: [
      /独家/,
      /排他/,
      /不得[^。；]{0,30}(?:向|与|委托)(?:任何)?(?:其他)?第三方[^。；]{0,20}(?:采购|购买|合作|销售|经销|代理)/,
    ],
    unless: [/\bnon-?\s?exclusiv/i, /非独家|非排他/],
  },
  'ip-ownership-assignment': {
    en: [
      /\bhereby\s+(?:irrevocably\s+)?(?:assigns?|transfers?|conveys?)\b[^.;]{0,150}\b(?:right,?\s+title|intellectual\s+property|copyrights?|patents?|inventions?|work\s+product|trademarks?|ownership)/i,
      /\bworks?\s+made[\s-]+for[\s-]+hire\b|\bwork[\s-]+for[\s-]+hire\b|\bemployee[\s-]+for[\s-]+hire\b/i,
      /\b(?:shall|will)\s+(?:be|become)\s+(?:deemed\s+(?:to\s+be\s+)?)?(?:the\s+)?(?:sole\s+and\s+exclusive\s+|sole\s+|exclusive\s+)?property\s+of\b/i,
      /\b(?:agrees?|shall|will)\s+(?:to\s+)?(?:assign|transfer)(?:,?\s+and\s+(?:hereby\s+)?(?:assigns?|transfers?))?\b[^.;]{0,120}\b(?:right,?\s+title|intellectual\s+property|inventions?|patents?|ownership|trademarks?)/i,
      /\b(?:shall|will)\s+own\s+(?:and\s+retain\s+)?all\s+right,?\s+title\b/i,
      /\bassign\s+or\s+confirm\b[^.;]{0,120}\bvested\s+in\b/i,
    ],
    zh: [
      /(?:知识产权|著作权|专利(?:权|申请权)?|技术成果)[^。；]{0,40}(?:归|属于)[^。；]{0,10}(?:甲方|乙方|委托方|委托人|买方|公司)/,
    ],
  },
  'warranty-duration': {
    en: [
      /\bwarrant(?:y|ies|s|ed)?\b[^.;]{0,150}\bfor\s+(?:a\s+)?(?:period\s+of\s+)?(?:\w+[\s-]+)?(?:\(\s*\d+\s*\)\s*)?(?:\d+\s*)?(?:days?|months?|years?)\b/i,
      /\bwarranty\s+period\b/i,
      /\b(?:for|within)\s+(?:a\s+period\s+of\s+)?(?:\w+[\s-]+)?(?:\(\s*\d+\s*\)\s*)?(?:\d+\s*)?(?:days?|months?|years?)\s+(?:after|from|following|of)\s+(?:the\s+)?(?:date\s+of\s+)?(?:\w+\s+)?(?:delivery|acceptance|installation|shipment|receipt|completion)\b[^.;]{0,200}\b(?:warrant|defect|reject|non-?conform)/i,
      /\b(?:warrant|defect|reject|non-?conform)\w*\b[^.;]{0,150}\bwithin\s+(?:\w+[\s-]+)?(?:\(\s*\d+\s*\)\s*)?(?:\d+\s*)?(?:days?|months?|years?)\s+(?:after|from|following|of)\s+(?:the\s+)?(?:date\s+of\s+)?(?:\w+\s+)?(?:delivery|acceptance|installation|shipment|receipt|completion)\b/i,
    ],
    zh: [/质保期|保修期|质量保证期|保质期/],
  },
  'liquidated-damages': {
    en: [
      /\bliquidated\s+damages\b/i,
      /\b(?:termination|break-?up|cancellation|early\s+termination)\s+fee\b/i,
      /\bpenalt(?:y|ies)\s+(?:shall|will)\s+apply\b|\b(?:pay|forfeit)\b[^.;]{0,60}\bas\s+(?:a\s+)?penalty\b/i,
    ],
    zh: [/违约金/],
  },
  'change-of-control': {
    en: [
      /\bchange\s+(?:of|in)\s+(?:the\s+)?(?:effective\s+)?control\b/i,
      /\b(?:merger|consolidation|acquisition|reorgani[sz]ation)\b[^.;]{0,120}\b(?:all\s+or\s+substantially\s+all|majority\s+of\s+(?:its|the)\s+(?:voting|outstanding))/i,
      /\b(?:majority|fifty\s+percent|50%)\b[^.;]{0,40}\b(?:equity|voting|outstanding)\s+(?:securities|stock|shares|interests?)\b/i,
      /\b(?:controlling|voting)\s+(?:stock|interest|securities|shares)\b[^.;]{0,80}\b(?:sold|transferred|acquired)/i,
      /\b(?:is|are|be|becomes?)\s+acquired\s+by\b|\bcontrol\s+of\s+(?:either|the|a)\s+party\s+(?:shall\s+)?pass/i,
      /\b(?:merger|consolidation|de-?merger|spin-?off|reorgani[sz]ation)\b[^.;]{0,200}\b(?:assign|terminat|consent|transfer)/i,
    ],
    zh: [
      /控制权(?:变更|发生变化|变动|转移)/,
      /(?:合并|分立|被收购|股权变更)[^。；]{0,30}(?:解除|终止|通知|同意)/,
    ],
  },
  'renewal-term': {
    en: [
      /\b(?:automatically|automatic)\s+(?:be\s+)?(?:renew|extend)/i,
      /\b(?:renew|extend)(?:ed|s)?\s+automatically\b/i,
      /\brenew(?:ed|al|s)?\b[^.;]{0,100}\b(?:successive|additional|further|consecutive)\b[^.;]{0,60}\b(?:terms?|periods?|years?|months?)\b/i,
      /\b(?:extend(?:ed)?|renew(?:ed)?)\s+for\s+(?:an?\s+)?(?:additional|successive|further|consecutive)\b/i,
      /\brenewal\s+(?:term|period)s?\b/i,
      /\bright\s+to\s+renew\b/i,
    ],
    zh: [/自动续(?:期|签|约|展)/, /续(?:期|签|约)/, /自动延(?:续|长|期)|顺延/],
    // renewing by signing a new contract is not a renewal term
    unless: [/另行签订|重新签订/],
  },
  confidentiality: {
    en: [
      /\bconfidential\s+information\b/i,
      /\b(?:keep|hold|maintain|treat)\b[^.;]{0,60}\b(?:in\s+)?(?:strict\s+)?confiden(?:ce|tial)/i,
      /\bnon-?disclosure\b/i,
      /\bconfidentiality\b/i,
    ],
    zh: [/保密/],
  },
  'dispute-resolution': {
    en: [
      /\barbitrat(?:ion|or|ors|ed|e)\b/i,
      /\bdispute\s+resolution\b/i,
      /\bjurisdiction\s+of\s+(?:the\s+)?(?:\w+\s+){0,4}courts?\b/i,
      /\bsubmit(?:s)?\s+to\s+(?:the\s+)?(?:\w+\s+){0,2}jurisdiction\b/i,
      /\b(?:brought|filed|commenced|litigated)\s+(?:only\s+|exclusively\s+)?in\s+(?:a|the|any)\s+(?:state\s+or\s+federal\s+)?courts?\b/i,
      /\bmediat(?:ion|e|or)\b/i,
      /\bvenue\b/i,
    ],
    zh: [/仲裁/, /争议(?:的)?解决/, /人民法院/, /向[^。；]{0,20}法院(?:提起)?(?:诉讼|起诉)/],
  },
};
