/**
 * The English words the sentence grammar reads: auxiliaries and modals, negators, the words that open
 * clauses, speech and claim verbs, control words. Facts of the language, kept in one place.
 */

export const FUTURE = new Set(['will', 'shall', "'ll", 'wo']);
export const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'should', "'d"]);
/** Before "to VERB": a forecast, not an act or an intention ("is likely to be hailed"). */
export const FORECAST = new Set(['likely', 'unlikely', 'certain', 'bound']);
export const NEGATORS = new Set(['not', "n't", 'never', 'no']);
export const BE = new Set(['be', 'is', 'was', 'were', 'been', 'being', 'are', "'s", "'re", 'am']);
/** "got killed", "get arrested": a passive with get. */
export const GET = new Set(['get', 'got', 'gotten', 'gets', 'getting']);
/** Verbs whose past participle is their base form ("were hit", "was cut"). */
export const SAME_FORM_PARTICIPLES = new Set(['hit', 'cut', 'set', 'put', 'shut', 'hurt', 'let', 'cast', 'spread', 'burst', 'beat', 'bid', 'quit', 'shed', 'split', 'thrust', 'upset', 'broadcast', 'forecast', 'rid']);

/** Words that, before "to VERB", make the verb an intention ("willing to help", "plans to send"). */
export const INTENT = new Set([
  'willing', 'ready', 'prepared', 'able', 'eager', 'determined', 'going', 'plan', 'intend', 'want', 'wish', 'hope', 'aim', 'expect', 'seek',
  'decide', 'prepare', 'set', 'poised', 'due', 'scheduled', 'about', 'keen', 'need', 'have', 'move', 'vow', 'pledge',
]);

/** Before "to VERB": the verb was attempted ("tried to storm"), or did not happen ("failed to reach", "has yet to ask"). */
export const TRIED = new Set(['try', 'attempt', 'seek']);
export const FAILED = new Set(['fail']);

/** Verbs that report speech: what they report is coded as its own clause, with the speaker. */
export const SPEECH = new Set([
  'say', 'tell', 'add', 'confirm', 'announce', 'state', 'report', 'note', 'declare', 'explain', 'stress', 'believe', 'think',
  'argue', 'acknowledge', 'reply', 'predict', 'quote', 'insist', 'indicate', 'conclude', 'reiterate', 'write', 'disclose', 'reveal',
  'emphasise', 'emphasize', 'assert', 'maintain', 'recall', 'remark', 'inform', 'testify',
]);

/** Verbs and nouns whose "that"-clause is a claim, not an event told as fact ("claimed that Y attacked"). */
export const CLAIM = new Set([
  'claim', 'allege', 'charge', 'contend', 'accuse', 'deny', 'dispute', 'suspect', 'rumor', 'rumour', 'speculate', 'doubt', 'fear',
  'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'charges', 'suspicion', 'suspicions', 'rumors', 'rumours', 'fears',
  'speculation', 'denial', 'denials', 'allegedly', 'reportedly',
]);

/** Words whose "that"-clause or "for ... to"-complement is what is demanded, not what happened. */
export const DEMAND = new Set([
  'demand', 'insist', 'urge', 'ask', 'request', 'propose', 'recommend', 'suggest', 'call', 'appeal', 'proposal', 'order', 'require',
  'stipulate', 'admission', 'demands', 'calls', 'appeals', 'requests', 'proposals', 'plea', 'pleas', 'want', 'wish', 'press', 'push',
  'petition', 'lobby', 'beg', 'implore', 'plead',
]);

/** Verbs whose object is the subject of the infinitive after them ("urged Iran to halt"). */
export const OBJECT_CONTROL = new Set([
  'urge', 'ask', 'call', 'invite', 'press', 'tell', 'order', 'force', 'persuade', 'encourage', 'allow', 'permit', 'help', 'want', 'pressure',
  'compel', 'appeal', 'request', 'instruct', 'warn', 'advise', 'challenge', 'beg', 'implore', 'push', 'lobby', 'authorize', 'authorise',
]);
/** Object-control verbs whose infinitive is asked for, not done (an "allowed them to" or "helped them to" is done). */
export const ASKING = new Set(['urge', 'ask', 'call', 'invite', 'press', 'tell', 'encourage', 'want', 'pressure', 'appeal', 'request', 'warn', 'advise', 'challenge', 'beg', 'implore', 'push', 'lobby', 'persuade']);

/** Prepositions before a gerund that make it a noun ("no decision on deploying troops"). */
export const GERUND_PREPS = new Set(['on', 'of', 'for', 'about', 'without', 'in', 'by', 'from', 'against', 'toward', 'towards', 'over', 'at', 'with', 'after', 'before', 'despite']);

/** Words that end a clause (besides commas). */
export const CLAUSE_BREAK = new Set([
  ';', ':', '"', '“', '”', '(', ')', 'that', 'which', 'who', 'whom', 'whose', 'because', 'while', 'although', 'though', 'after', 'before', 'if',
  'unless', 'when', 'whereas', 'but', 'until', 'since', 'as', 'where', 'whether',
]);

/** Heads of "NOUN of ACTORS" whose actors are the subject ("thousands of Iraqi Kurds", "a group of students"). */
export const QUANTITY_HEADS = new Set([
  'thousands', 'hundreds', 'dozens', 'tens', 'millions', 'scores', 'group', 'groups', 'members', 'supporters', 'some', 'many', 'most', 'all',
  'one', 'two', 'three', 'four', 'five', 'number', 'majority', 'crowd', 'crowds', 'leaders', 'hundred', 'thousand', 'delegation', 'team',
  'unit', 'units', 'band', 'gang', 'mob', 'contingent', 'battalion', 'squad', 'convoy', 'column',
]);

/** Adverbs and time words passed over between a subject and its verb ("Syria on Tuesday again rejected"). */
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'on', 'earlier', 'later',
  'also', 'again', 'last', 'week', 'month', 'year', 'recently', 'previously', 'already', 'now', 'this', 'then', 'once', 'jointly', 'formally',
  'officially', 'reportedly', 'allegedly', 'repeatedly', 'publicly', 'quickly', 'immediately', 'finally', 'still', 'strongly', 'sharply',
]);

/** Nouns of weapons and attacks: violence they did has no named perpetrator ("a roadside bomb killed two"). */
export const ATTACK_NOUNS = new Set([
  'bomb', 'bombs', 'bombing', 'bombings', 'blast', 'blasts', 'explosion', 'explosions', 'device', 'devices', 'mine', 'mines', 'minefield',
  'grenade', 'grenades', 'rocket', 'rockets', 'mortar', 'mortars', 'shell', 'shells', 'shelling', 'gunfire', 'ambush', 'attack', 'attacks',
  'attacker', 'attackers', 'gunmen', 'gunman', 'assailants', 'assailant', 'airstrike', 'airstrikes', 'strike', 'strikes', 'missile', 'missiles',
  'sniper', 'snipers', 'ied', 'ieds', 'raid', 'raids', 'clashes', 'clash', 'fighting', 'violence', 'drone', 'drones', 'bomber', 'bombers',
  'shooting', 'shootings', 'fire', 'crossfire', 'suicide',
]);

/** Verbs that join two actors symmetrically: "X and Y met" is X with Y and Y with X. */
export const SYMMETRIC_ROOTS = new Set(['03', '04', '05', '06', '19']);

/**
 * Accidents, disasters and illness: deaths and damage they cause are no political event, so an agentless
 * "were killed" beside one of these words is not coded as violence.
 */
export const DISASTER = new Set([
  'flood', 'floods', 'flooding', 'earthquake', 'earthquakes', 'quake', 'quakes', 'tremor', 'aftershock', 'tsunami', 'storm', 'storms',
  'hurricane', 'typhoon', 'cyclone', 'tornado', 'tornadoes', 'blizzard', 'landslide', 'landslides', 'mudslide', 'mudslides', 'avalanche',
  'drought', 'famine', 'wildfire', 'wildfires', 'bushfire', 'blaze', 'fire', 'fires', 'eruption', 'volcano', 'heatwave', 'lightning',
  'crash', 'crashes', 'crashed', 'accident', 'accidents', 'collision', 'collided', 'derailed', 'derailment', 'capsized', 'sank', 'sinking',
  'collapse', 'collapsed', 'stampede', 'leak', 'spill', 'explosion', 'epidemic', 'outbreak', 'pandemic', 'cholera', 'flu', 'influenza',
  'disease', 'virus', 'malaria', 'measles', 'ebola', 'illness', 'rains', 'downpour', 'monsoon', 'plunged', 'overturned', 'drowned',
  'coronavirus', 'covid', 'sars', 'plague', 'dengue', 'trapped', 'rockfall', 'cave-in', 'mine', 'mines', 'miners', 'colliery', 'gas',
  'chemical', 'warehouse', 'factory', 'fireworks', 'boiler', 'reactor', 'ferry', 'capsize', 'derail', 'heat', 'cold', 'snow', 'hail',
]);

/** The verbs and verb-like words the grammar looks up by lemma (the lemmatizer must know them). */
export function grammarVerbs(): string[] {
  return [...INTENT, ...SPEECH, ...OBJECT_CONTROL, ...DEMAND, ...CLAIM, ...TRIED, ...FAILED, 'be', 'have', 'do'];
}

/** Conjunctions that join actors and verbs. */
export const CONJ = new Set(['and', 'or', 'nor', '&']);
/** Words that open a subordinate clause: a verb's subject is not found before them. */
export const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'after', 'before', 'when', 'while', 'because', 'if', 'unless', 'since', 'until', 'although', 'though', 'where', 'whether']);
/** Words inside a noun phrase, and prepositions that join nouns within one ("the outbreak in eastern Congo"). */
export const NP_BODY_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);
export const NP_LINKS = new Set(['of', 'to', 'between', 'among', 'against', 'in', 'at', 'near', 'from', 'on', 'for', 'with', 'inside', 'outside', 'around', 'across', 'along', 'off']);
/** Words between a preposition and its object's head: determiners, adjectives, numbers, possessives. */
export const NP_INNER_POS = new Set(['DET', 'ADJ', 'NUM', 'PRON']);
/** Pronouns that are subjects, never objects ("questioned whether he ..."). */
export const NOMINATIVE = new Set(['he', 'she', 'they', 'we', 'i']);
export const SUBJECT_SKIP_POS = new Set(['AUX', 'ADV', 'PART']);

/** Words before an infinitive that make it weighed, not done ("how to attack", "whether to send"). */
export const WH_WORDS = new Set(['how', 'whether', 'what', 'when', 'where', 'why', 'which']);
/** Verbs whose gerund is weighed, not done ("considered sending troops"). */
export const WEIGHING = new Set(['consider', 'discuss', 'debate', 'weigh', 'mull', 'contemplate', 'explore', 'study', 'envisage', 'rule']);

/** Nouns whose infinitive is asked for ("an ultimatum to Ecuador to halt attacks", "an appeal to lay down arms"). */
export const ASKING_NOUNS = new Set(['ultimatum', 'ultimatums', 'appeal', 'appeals', 'call', 'calls', 'demand', 'demands', 'request', 'requests', 'plea', 'pleas', 'order', 'orders', 'invitation', 'invitations', 'proposal', 'proposals', 'offer', 'offers']);
