# English sentences for the article's claims, used by the .dslr rule files.
#
# Each line maps a sentence an analyst writes (left of '=') to the rule text it stands for
# (right of '='). [when] sentences are conditions, [then] sentences are conclusions.
#
# Conditions name their actors in words ("Russia", "South Korea"): the article's premises are
# about fixed actors, and each sentence fixes the codes it matches.
# Conclusions start with "conclude that" and take actor codes from actors.csv (KOR, RUS, ...),
# exactly as scenarios and results write them. A placeholder such as {actor} accepts only a code
# in capitals, so a misspelt or spelt-out name is reported as a line that cannot be expanded.
# Every conclusion inserts one fact with insertLogical(new Type(...)) and nothing else.
#
# Sentences are matched in the order of this file and anywhere in a line: no sentence may be
# part of a longer one. One sentence per line of a rule; no continuation lines starting with '-'.
# A condition on a symmetric type (TreatySigned, CloseTies, the trilateral's two spokes) matches
# the fact whichever way round it is written.

# ------------------------------------------------------------------------- conditions: Russia

[when]Russia and North Korea have signed a treaty=TreatySigned(partyA == "RUS", partyB == "PRK")
[when]Russia and North Korea have close ties=CloseTies(partyA == "RUS", partyB == "PRK")
[when]Russia extends its security umbrella over North Korea=StrategicAxis(patron == "RUS", client == "PRK")
[when]Russia supplies {category:[a-z-]+} to North Korea=ArmsTransfer(supplier == "RUS", recipient == "PRK", category == "{category}")
[when]Russia wages war on Ukraine=ArmedInvasion(invader == "RUS", victim == "UKR")

# ------------------------------------------------------------------- conditions: South Korea

[when]South Korea strongly opposes Russia=Reaction(actor == "KOR", towards == "RUS", form == "strong-opposition")
[when]South Korea is no longer bound in its aid to Ukraine=AidRestraintLifted(actor == "KOR", beneficiary == "UKR")
[when]South Korea reverses its predecessor's soft policy towards North Korea=PolicyStance(actor == "KOR", towards == "PRK", stance == "conservative-reversal")
[when]South Korea keeps no engagement policy towards North Korea=not PolicyStance(actor == "KOR", towards == "PRK", stance == "engagement")

# ---------------------------------------------------------- conditions: the peninsula and the US

[when]tensions driven by North Korea escalate on the Korean peninsula=TensionsEscalated(source == "PRK", arena == "korean-peninsula")
[when]the US, South Korea and Japan hold joint military exercises=TrilateralExercises(hub == "USA", spokeA == "KOR", spokeB == "JPN")
[when]ties between the US and its spokes South Korea and Japan deepen=TrilateralTiesDeepened(hub == "USA", spokeA == "KOR", spokeB == "JPN")

# ------------------------------------------------------------------------------- conclusions

[then]conclude that {actor:[A-Z]+} strongly opposes {towards:[A-Z]+}=insertLogical(new Reaction("{actor}", "{towards}", "strong-opposition"));
[then]conclude that {actor:[A-Z]+} voices concern over {towards:[A-Z]+}=insertLogical(new Reaction("{actor}", "{towards}", "concern"));
[then]conclude that {supplier:[A-Z]+} considers lethal weapons for {recipient:[A-Z]+}=insertLogical(new LethalAidConsidered("{supplier}", "{recipient}"));
[then]conclude that {actor:[A-Z]+} is no longer bound in its aid to {beneficiary:[A-Z]+}=insertLogical(new AidRestraintLifted("{actor}", "{beneficiary}"));
[then]conclude that {partyA:[A-Z]+} and {partyB:[A-Z]+} drill together=insertLogical(new JointMilitaryActivity("{partyA}", "{partyB}", "joint-drill"));
[then]conclude that {hub:[A-Z]+} holds joint military exercises with {spokeA:[A-Z]+} and {spokeB:[A-Z]+}=insertLogical(new TrilateralExercises("{hub}", "{spokeA}", "{spokeB}"));
[then]conclude that ties between {hub:[A-Z]+} and its spokes {spokeA:[A-Z]+} and {spokeB:[A-Z]+} deepen=insertLogical(new TrilateralTiesDeepened("{hub}", "{spokeA}", "{spokeB}"));
[then]conclude that {actor:[A-Z]+} sees its {domain:[a-z-]+} eroded=insertLogical(new InfluenceEroded("{actor}", "{domain}"));
[then]conclude that tensions between {source:[A-Z]+} and {counterpart:[A-Z]+} escalate over the {arena:[a-z-]+}=insertLogical(new TensionsEscalated("{source}", "{counterpart}", "{arena}"));
[then]conclude that {actor:[A-Z]+} has little to no incentive to denuclearise=insertLogical(new DenuclearisationStalled("{actor}"));
[then]conclude that a new cold war pits {sideA:[A-Z]+} against {sideB:[A-Z]+}=insertLogical(new NewColdWar("{sideA}", "{sideB}"));
