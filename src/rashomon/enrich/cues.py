"""Lexicon of attribution cues: reporting verbs, verbs of belief and intent, source phrases.

Lemmas, not word forms: the spaCy lemmatizer normalises 'said', 'says', 'saying'.
"""

from __future__ import annotations

from functools import lru_cache

#: verbs of speech: their relations are quotes, with a speaker.
SPEECH = frozenset(
    """say tell add state claim assert insist argue explain note remark declare announce
    repeat reiterate respond reply answer ask warn admit acknowledge concede confirm deny
    comment testify recall write tweet post report reveal disclose predict promise pledge vow
    threaten accuse allege contend maintain observe stress emphasize emphasise caution complain
    boast brag joke quip muse shout yell scream whisper mutter exclaim urge demand propose
    recommend advise conclude mention hint imply estimate forecast counter retort protest
    lament charge tout question wonder speculate concur continue agree disagree inform
    assure brief announce suggest describe characterize call implore beseech beg exhort
    instruct
    affirm reaffirm aver avow proclaim attest divulge relay convey clarify elaborate opine
    posit theorize theorise hypothesize hypothesise surmise conjecture interject gripe
    grumble moan whine rant gush marvel reassure forewarn counsel confess inquire enquire
    swear grouse gloat fret""".split()
)
#: verbs of belief, perception, intent and evidence: attributions without a speech act.
THOUGHT = frozenset(
    """believe think feel know hope fear expect want worry doubt consider assume suspect
    realize realise understand plan intend show find indicate signal see learn figure guess
    seem appear reckon anticipate prefer wish seek refuse decline hear
    read hop rule determine decide
    presume infer deduce judge gauge recognize recognise remember forget notice perceive
    sense detect imagine envision foresee dread demonstrate illustrate establish
    corroborate verify substantiate bet aim strive aspire choose opt yearn long ponder
    mull reflect""".split()
)
#: verbs of thought whose subject is the evidence rather than a mind: 'the poll shows ...'.
EVIDENCE = frozenset(
    """show indicate signal demonstrate illustrate establish corroborate verify
    substantiate""".split()
)
#: verbs that only count with a clausal complement ('see that ...', not 'see the film').
NEEDS_CLAUSE = frozenset(
    """know see find show learn figure hear read feel understand realize realise consider
    describe characterize call continue seem appear question agree disagree add state note
    post report answer ask decline refuse seek wish prefer
    judge gauge recognize recognise remember forget notice perceive sense detect imagine
    envision foresee demonstrate illustrate establish corroborate verify substantiate
    reflect relay convey""".split()
)
#: verbs that need a clause but report a quote as their object: 'the sign read "No tolls"'
QUOTE_READERS = frozenset({"read"})
#: verbs whose infinitive complement is the content ('vowed to repeal ...').
TAKES_INFINITIVE = frozenset(
    """promise pledge vow threaten want plan intend expect hope seek refuse decline urge
    ask tell call demand propose wish prefer agree decide appear seem hop order
    encourage convince persuade remind warn advise caution implore beseech beg exhort
    instruct
    aim strive aspire choose opt yearn long dread swear profess purport volunteer offer
    consent pressure push invite challenge dare petition
    like love hate vote look""".split()
)
#: verbs whose object is the content ('praised the deal', 'announced his resignation').
TAKES_OBJECT = frozenset(
    """announce support endorse praise criticize criticise mock oppose defend reject discuss
    mention tout denounce blame question deny propose predict describe express back condemn
    decry highlight echo favor favour advocate attack recall list reveal accuse ridicule
    dismiss welcome applaud slam blast lambaste lambast hail acknowledge admit confirm demand
    request recommend urge label brand dub characterize portray consider view prefer want
    fear doubt dispute challenge rebut refute counter share tweet post write report estimate
    project forecast promise pledge vow threaten ask call claim cite quote state repeat
    offer name issue present reference convince thank chant bemoan order approve plead
    congratulate broadcast vouch attribute single lay charge persuade encourage decline refuse
    concede lament allege assert
    reiterate answer explain note stress emphasize emphasise warn suggest insist argue
    predict remember recount recite say show know reveal tell see seek understand
    declare disclose underscore expose identify deem believe expect feel
    embrace champion promote assail deride chide resist reject like love hate dislike
    ignore accept adopt recognize recognise acknowledge sign nominate endorse
    release publish unveil address voice express
    demonstrate contemplate envision imagine forget regret invoke trumpet
    downplay minimize minimise credit honor honour salute mourn fault scold rebuke berate
    castigate excoriate retweet email text foresee perceive notice
    prioritize prioritise tout rule protest indicate signal
    admire adore appreciate despise detest loathe resent respect value cherish
    relish abhor distrust mistrust trust envy pity
    acclaim commend laud extol censure reprimand reproach chastise vilify demonize
    demonise disparage belittle malign smear slander insult taunt lampoon satirize
    outline detail document chronicle profile sketch summarize summarise
    compare liken equate contrast
    grill confront interrogate query quiz frame paint pitch
    herald extoll savage trash pan skewer deplore denigrate disdain spurn snub rebuff
    contest contradict debunk disprove boo jeer heckle pressure sponsor cosponsor boycott
    clarify articulate reaffirm affirm proclaim confess narrate relay convey divulge
    ponder mull evaluate covet rue disavow repudiate renounce disown retract recant
    espouse profess dread desire""".split()
)
#: verbs whose first object is the hearer: 'told reporters that ...', 'asked him about ...'
#: ('thank' and 'congratulate' are not: whom one praises is what the praise is about).
ADDRESSEE = frozenset(
    """tell ask inform assure brief remind warn urge convince persuade
    encourage advise notify question address""".split()
)
#: verbs whose prepositional object is asked to act: 'called on the board to resign',
#: 'pleaded for the city to wait' (after other verbs an infinitive there tells the purpose:
#: 'pointed to the votes to make her case')
ASK_OF = frozenset({"call", "plead", "ask", "advocate"})
#: verbs that accuse only with 'with': 'charged the clerk with fraud', not 'charged a fee'
ACCUSE_WITH = frozenset({"charge"})
#: nouns of an audience or its gathering: 'told reporters', 'addressed the rally'.
HEARER_NOUNS = frozenset(
    """reporter reporters journalist journalists audience crowd crowds voter voters
    supporter supporters listener listeners viewer viewers reader readers member members
    lawmaker lawmakers senator senators colleague colleagues donor donors delegate delegates
    student students worker workers host interviewer moderator committee panel nation
    rally rallies gala convention conference meeting gathering summit dinner luncheon
    forum session assembly congregation graduates""".split()
)
#: verbs whose content follows a preposition ('talked about the deal', 'called for a vote').
TAKES_PREP = {
    "talk": {"about", "of"},
    "say": {"about", "of"},
    "speak": {"about", "of", "out"},
    "refer": {"to"},
    "point": {"to"},
    "focus": {"on"},
    "call": {"for", "on"},
    "complain": {"about", "of"},
    "warn": {"about", "of", "against"},
    "boast": {"about", "of"},
    "brag": {"about"},
    "write": {"about", "of"},
    "tweet": {"about"},
    "argue": {"for", "against"},
    "vote": {"for", "against"},
    "press": {"for", "about", "on"},
    "push": {"for"},
    "rail": {"against"},
    "speak out": {"against", "for", "on"},
    # phrasal verbs whose base verb is no cue on its own: read only with the particle
    "weigh in": {"on"},
    "double down": {"on"},
    "come out": {"against", "for"},
    "push back": {"on", "against"},
    "open up": {"about"},
    "zero in": {"on"},
    "sound off": {"on", "about"},
    "line up": {"behind"},
    "comment": {"on", "about"},
    "testify": {"about", "on"},
    "joke": {"about"},
    "hint": {"at"},
    "allude": {"to"},
    "agree": {"with", "on"},
    "disagree": {"with", "on"},
    "worry": {"about"},
    "feel": {"for"},
    "ask": {"about", "for"},
    "lie": {"about"},
    "campaign": {"for", "against", "on"},
    "advocate": {"for"},
    "insist": {"on"},
    "respond": {"to"},
    "reply": {"to"},
    "react": {"to"},
    "lash": {"at"},
    "believe": {"in"},
    "spar": {"with", "over"},
    "pivot": {"to"},
    "plead": {"for", "to"},  # 'pleaded for calm', 'pleaded guilty to fraud'
    "rule": {"against", "for", "on"},
    "look": {"for"},
    "hope": {"for"},
    "balk": {"at"},
    "bristle": {"at"},
    "scoff": {"at"},
    "laugh": {"at", "about", "off"},
    "lean": {"toward", "towards"},
    "align": {"with"},
    "distance": {"from"},
    "reach": {"out"},
    "sign": {"on"},
    "shrug": {"off"},
    "approve": {"of"},
    "disapprove": {"of"},
    "admit": {"to"},
    "confess": {"to"},
    "cite": {"as"},
    "hop": {"for"},  # the small model lemmatizes 'hoping' as 'hop'
    "think": {"about", "of"},
    "criticize": {"for"},
    "criticise": {"for"},
    "accuse": {"of"},
    "apologize": {"for"},
    "apologise": {"for"},
    "side": {"with"},
    "vouch": {"for"},
    "dwell": {"on"},
    "cheer": {"for"},
    "stand": {"by", "with", "behind"},
    "line": {"behind", "up"},
    "know": {"about", "of"},
    "learn": {"about", "of"},
    "hear": {"about", "of", "from"},
    "object": {"to"},
    "weigh": {"in", "on"},
    "open": {"about", "up"},
    "touch": {"on", "upon"},
    "reflect": {"on", "upon"},
    "elaborate": {"on", "upon"},
    "expound": {"on", "upon"},
    "rant": {"about", "against"},
    "rave": {"about"},
    "gush": {"about", "over"},
    "gripe": {"about"},
    "grumble": {"about"},
    "moan": {"about"},
    "whine": {"about"},
    "fret": {"about", "over"},
    "obsess": {"over", "about"},
    "marvel": {"at"},
    "rejoice": {"in", "at", "over"},
    "despair": {"of", "over"},
    "zero": {"on"},
    "bank": {"on"},
    "opt": {"for"},
    "crusade": {"for", "against"},
    "yearn": {"for"},
    "long": {"for"},
    "inquire": {"about"},
    "enquire": {"about"},
    "speculate": {"about", "on"},
    "theorize": {"about"},
    "muse": {"about", "on"},
    "mull": {"over"},
    "inform": {"of", "about"},
    "notify": {"of"},
    "remind": {"of", "about"},
    "tell": {"about", "of"},
    "assure": {"of"},
    "reassure": {"about", "on"},
    "question": {"about", "on", "over"},
    "aim": {"at"},
}
#: phrasal verbs whose particle makes the cue and whose object is the content:
#: 'shrugged off the charge', 'played down the risk', 'walked back her remark'.
PHRASAL_OBJECT = {
    "shrug": {"off"},
    "laugh": {"off"},
    "brush": {"off", "aside"},
    "wave": {"off", "away"},
    "walk": {"back"},
    "play": {"down", "up"},
    "talk": {"up", "down"},
    "spell": {"out"},
    "lay": {"out"},
    "rule": {"out"},
    "write": {"off"},
    "call": {"out"},
    "single": {"out"},
    "point": {"out"},
    "tick": {"off"},
    "rattle": {"off"},
    "shoot": {"down"},
    "bring": {"up"},
    "sum": {"up"},
}
#: verbs of feeling whose passive subject feels it and whose agent moves it: 'voters were
#: angered by the deal', 'she was impressed with the plan'
EMOTIONS = frozenset(
    """outrage anger please intrigue mesmerize surprise shock disappoint alarm trouble
    frustrate upset offend irritate annoy impress disturb appall horrify dismay delight
    thrill incense infuriate bother hearten disgust stun puzzle baffle amuse excite
    sadden embarrass unnerve scare frighten terrify enrage spook sicken""".split()
)
#: adjectives of stance: 'was clear about ...', 'is critical of ...', 'is confident that ...'.
STANCE_ADJ = frozenset(
    """clear critical right wrong correct happy upfront honest opposed angry confident sure
    skeptical sceptical convinced aware worried concerned eager keen
    quick supportive optimistic pessimistic hopeful adamant insistent unhappy furious
    proud grateful explicit vocal open unequivocal emphatic dismissive wary
    afraid fearful doubtful silent frank candid blunt
    unwilling reluctant ready fond tired interested impressed bent ambivalent nervous
    uncomfortable shy divided split certain positive hesitant enthusiastic excited
    thrilled pleased delighted disappointed frustrated upset outraged appalled alarmed
    disturbed troubled anxious resentful bitter cynical sympathetic receptive committed
    dedicated resolute firm steadfast outspoken forthcoming cautious
    mistrustful distrustful leery enamored mindful satisfied dissatisfied
    unaware uncertain unsure aghast
    devoted partial favorable unfavorable bullish bearish unified
    undecided mad comfortable
    glad sorry sad ashamed embarrassed scared terrified suspicious jealous dubious""".split()
)
#: nouns of the document a claim comes from: 'In a statement, ...', 'in a poll, ...'.
SOURCE_DOCS = frozenset(
    """poll survey study report statement interview words letter op-ed oped tweet post
    speech memo book column editorial analysis filing complaint lawsuit ruling
    testimony remarks address release video message email essay article""".split()
)
#: nouns of speech and stance that carry their own content: 'his claim that ...',
#: 'Trump's criticism of ...', 'a demand by Pelosi that ...'.
CUE_NOUNS = frozenset(
    """claim assertion statement view belief criticism support endorsement opposition warning
    promise pledge demand suggestion argument accusation allegation comment remark concern
    fear hope insistence announcement praise denial admission acknowledgment
    acknowledgement contention prediction proposal vow call plea complaint charge
    declaration assurance confidence doubt suspicion recommendation request
    question attack plan decision talk discussion point
    disagreement estimate advice focus idea order assessment perception
    chant response message understanding reluctance position hostility
    defense defence disclosure speculation stance push offer opinion
    intention intent desire wish refusal determination commitment reference
    mention prediction joke testimony interpretation critique objection
    embrace rejection condemnation denunciation adulation admiration enthusiasm passion
    dislike disdain skepticism scepticism misgiving approval disapproval hostility
    swipe broadside
    sentiment conviction theory hypothesis conjecture guess insight justification
    reasoning verdict judgment judgement conclusion aspiration ultimatum instruction
    directive invitation petition outcry backlash rebuke reprimand tribute insult evidence
    signal worry anxiety distrust
    query cry rant reply barb rumbling quarreling hint attitude gratitude
    misreading projection testimonial story ruling protest lawsuit silence""".split()
)
#: nouns of thought, perception and hearsay that cue only the that-clause saying what is
#: thought or told ('the notion that ...', 'a rumor that ...'); after a preposition they
#: name no claim ('a sense of humour', 'a story about the pier').
CLAUSE_NOUNS = frozenset(
    """assumption presumption premise notion thought thinking feeling sense impression
    inkling expectation realization realisation recognition consensus narrative rumor
    rumour myth report revelation discovery observation implication insinuation dictum
    conception misconception""".split()
)
#: cue nouns whose topic follows only some prepositions: 'the focus of X' names the one who
#: focuses, 'a point of contention' and 'a sore point for X' the kind of point, 'the
#: enthusiasm of voters' who is keen, 'a position of power' or 'for the fall' the kind of
#: place, 'evidence for the claim' or 'to the contrary' what it bears on; 'her focus on X',
#: 'a point about X', 'enthusiasm for X', 'her position on X' and 'evidence of X' carry the
#: content.
NOUN_PREPS = {
    "focus": frozenset({"on"}),
    "point": frozenset({"about"}),
    "enthusiasm": frozenset({"for", "about"}),
    "position": frozenset({"on"}),
    "evidence": frozenset({"of"}),
} | {noun: frozenset() for noun in CLAUSE_NOUNS - {"report"}}
#: ... a report names its topic too: 'reports of fliers in Iowa', 'a report about the pier' (not
#: 'on', which may tell where it was read: 'read the report on the train')
NOUN_PREPS["report"] = frozenset({"about", "of"})
#: nouns for a person by the stance they hold: 'she is a critic of the plan'.
AGENT_NOUNS = frozenset(
    """supporter opponent critic advocate proponent defender backer champion detractor
    foe admirer skeptic sceptic booster""".split()
)
#: nouns of speech acts whose 'to' phrase is the hearer: 'his statement to the FBI'.
ADDRESSED_NOUNS = frozenset(
    """statement remark comment message testimony complaint announcement declaration
    promise pledge assurance warning plea letter speech question joke advice""".split()
)
#: subjects of 'be' that introduce a view: 'His answer was that ...', 'The hope is that ...'.
COPULA_NOUNS = CUE_NOUNS | frozenset(
    """answer question message point position response reply explanation worry goal idea
    feeling sense impression conclusion finding consensus verdict takeaway assessment
    thinking theory case pitch""".split()
)
#: 'X sees Y as Z': the object and its 'as' phrase are the content.
SEE_AS = frozenset(
    """see view regard describe characterize portray cite know consider perceive paint
    depict label brand remember identify list refer treat cast""".split()
)
#: 'X seems to ...', 'X appears to ...', 'X looks dubious': the subject belongs to the content,
#: no source ('X looks to cut taxes' is an aim, with X its holder: TAKES_INFINITIVE).
RAISING = frozenset({"seem", "appear", "sound", "look"})
#: verbs of naming: as a bare participle after a noun they name it ('a firm called X').
NAMING = frozenset({"call", "name", "dub", "title", "entitle", "label"})
#: verbs that report only with the pro-form 'it': 'as she put it, ...'.
PUT_IT = frozenset({"put"})
#: verbs of perception whose passive subject, caught saying something, is its speaker
PERCEIVED_SPEAKING = frozenset({"hear", "see"})
#: 'citing X': X is the source of the clause the participle hangs on.
CITING = frozenset({"cite", "quote"})
#: nouns naming an anonymous or institutional source ('a source said').
SOURCE_NOUNS = frozenset(
    """source sources official officials spokesman spokeswoman spokesperson aide aides
    adviser advisers advisor advisors person people insider insiders""".split()
)
#: news outlets named as sources ('told Reuters', 'citing AFP').
OUTLET_WORDS = frozenset(
    """reuters afp ap bbc cnn nbc cbs abc fox msnbc bloomberg xinhua tass ria sana anadolu
    aljazeera al-jazeera politico axios""".split()
)
OUTLET_SUFFIXES = (
    "news",
    "times",
    "post",
    "journal",
    "agency",
    "press",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
    "daily",
    "tv",
    "radio",
    "network",
    "observer",
    "monitor",
    "review",
    "magazine",
)

#: light verbs whose object noun carries a stance: 'took aim at', 'has doubts about'.
LIGHT_VERBS = frozenset("take make have give level launch hold sound raise".split())
#: verbs that put a stance behind someone or something with what they throw, cast or lend
#: ('threw her support behind Roe', 'cast doubt on the tally', 'cast ballots for Kell') ...
BACKING_VERBS = frozenset({"throw", "cast", "lend"})
#: ... those things ...
BACKING_NOUNS = frozenset("support weight backing vote ballot doubt blame voice".split())
#: ... and the prepositions of what they go to.
BACKING_PREPS = frozenset("behind for against on to".split())
#: ... the nouns that do, beyond ``CUE_NOUNS`` (which make relations of their own).
LIGHT_NOUNS = (
    COPULA_NOUNS
    | frozenset(
        """shot whack aim swipe jab dig potshot credit offense offence umbrage exception issue
    stand look case feeling reservation interest faith pride note notice objection problem
    grudge argument prediction point view opinion secret swing slam alarm example""".split()
    )
) - CUE_NOUNS
#: light verbs that make or give what was said: 'made a remark', 'gave an answer' ...
SAYING_VERBS = frozenset({"make", "give"})
#: ... those nouns, which are the content when no clause or phrase says more
SAID_NOUNS = frozenset(
    """comment remark argument announcement answer pitch endorsement
    suggestion tribute apology retort advice instruction reason hint promise pledge
    prediction claim accusation allegation observation appeal plea assurance nod statement
    testimony response reply warning threat vow complaint""".split()
)
#: prepositions that lead the content after a light verb's noun.
LIGHT_PREPS = frozenset("at on toward towards for about of against with to in over".split())

ALL = (
    SPEECH
    | THOUGHT
    | CITING
    | TAKES_OBJECT
    | frozenset(TAKES_PREP)
    | frozenset(PHRASAL_OBJECT)
    | RAISING
    | LIGHT_VERBS
    | BACKING_VERBS
    | SEE_AS
    | PUT_IT
)


@lru_cache(maxsize=1 << 14)
def is_outlet(name: str) -> bool:
    """Whether an organisation name looks like a news outlet."""
    low = name.lower().removeprefix("the ").strip()
    words = low.replace("'s", "").split()
    if not words:
        return False
    return (
        low.replace(" ", "") in OUTLET_WORDS
        or words[0] in OUTLET_WORDS
        or words[-1] in OUTLET_SUFFIXES
    )
