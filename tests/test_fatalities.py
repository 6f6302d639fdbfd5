"""The fatalities stage: ACLED's conservative count of the killed, and the wounded beside it.

Sentences written for these tests in the style of wire reports and ACLED notes; the demo article
is examples/wire.jsonl. Run through clean → nlp → events → fatalities, the stages it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from support.coding import main_event

from eventcoder.config import load_config
from eventcoder.model import Article, Span
from eventcoder.pipeline import Pipeline

STAGES = ("clean", "nlp", "events", "fatalities")


@pytest.fixture(scope="module")
def coder(partial_pipeline: Callable[..., Pipeline]) -> Pipeline:
    return partial_pipeline(*STAGES)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # one victim named by the parse, with no number written
        ("Police shot dead a suspected gang member in Eldoret town on Monday.", 1),
        ("A trader was shot to death by unknown gunmen in Kisumu on Tuesday.", 1),
        ("Residents lynched a suspected thief in Kakamega.", 1),
        ("Gunmen kill chief in Mandera", 1),
        ("Unknown attackers raided the home of a pastor in Kitale, killing and robbing him.", 1),
        ("On 3 March 2021, a farmer stepped on a landmine near Hpakant and died on the spot.", 1),
        # counts, and the words that carry them
        ("Eight suspected militia members shot dead by police during an operation in Mount Elgon.", 8),
        ("At least 12 police officers are feared dead after raiders attacked a camp in Baringo.", 12),
        ("Militants attacked a village in Borno, killing two soldiers and three civilians.", 5),
        # two sources' estimates of the same deaths: the lower one stands
        ("Militants stormed a village in Borno on Sunday. At least 25 people were killed, but "
         "other sources said 37 died.", 25),  # fmt: skip
        ("Gunmen killed 12 people in a market in Zamfara; residents said 15 were killed.", 12),
        # a day between the verb's two words
        ("A motorcyclist was on Saturday shot dead on the road between the two towns.", 1),
        # a total ACLED splits between its events
        ("On 2 May 2020, the army shelled rebel positions near Biu over two days. 40 rebels were "
         "killed. Fatalities split between 2 events.", 20),  # fmt: skip
        # a range gives its lower figure
        ("About 4 to 5 soldiers died when their vehicle hit a mine near Kyaukme.", 4),
        # a death sentence after the story's first sentence is the same event's toll
        ("On 4 June 2022, police clashed with traders in Dhaka. 1 person was killed.", 1),
        # restated, counted once
        ("Two soldiers were killed in an ambush near Gao on Sunday. The army said the two soldiers "
         "were killed when their patrol was attacked.", 2),  # fmt: skip
        # not a death: an attempt, and deaths that caused a protest rather than happened in it
        ("A mob attacked and nearly killed a man in Machakos.", 0),
        ("Protesters blocked the highway in Nakuru after three watchmen were killed by unknown people "
         "the previous night. Police dispersed them with tear gas.", 0),  # fmt: skip
    ],
)
def test_killed_is_counted_as_acled_counts_it(coder: Pipeline, text: str, killed: int) -> None:
    event = main_event(coder, text)
    assert event.fatalities == killed
    if killed:
        [evidence] = event.evidence_for("fatalities")
        assert evidence.span.text in text


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # hearsay between a count and its verb
        ("Fifteen people are reported to have been killed in night clashes between two clans near Mandera.", 15),
        ("Police dispersed rioters in Kisumu. 1 reported to be lynched to death by the crowd.", 1),
        # "dead" before a function word is the state; a full month name with a stop is no date
        ("3 July. Two dead and several injured after herders clashed over water in Isiolo.", 2),
        ("On 4 May 2021, the militia raided a camp near Garissa and left 5 dead in the village.", 5),
        # any "<verb>ed to death", "fatally <verb>ed", "found killed", a doubled letter
        ("A gang attacked a market in Kisii, and three traders were macheted to death.", 3),
        ("On 9 June 2021, two suspected thieves were fatally assaulted by residents in Thika.", 2),
        ("After a long firefight with police near Lamu, four fighters were killled.", 4),
        # an age names one person; a parent "of four" is not four dead
        ("Bandits raided a homestead in Baringo. Nine year old girl killed.", 1),
        ("A mother of three is killed by unknown attackers in her shop in Nakuru.", 1),
        # an aside between the count and its verb; bodies found
        ("Dozens of villagers, mainly women and children were killed as the church burned.", 12),
        ("4 mutilated bodies found in a river near Nyeri, police said.", 4),
        # a headline that opens with its victim
        ("Trader killed at his shop by unknown gunmen in Kitui.", 1),
        # animals are no fatalities
        ("On 3 April 2019, raiders shot dead one herder and killed two camels near Moyale.", 1),
        # ACLED's own coding of the event's figure stands over a vague count
        ("On 2 May 2020, fighters attacked a base near Marib. An unspecified number of soldiers were "
         "killed. Unknown fatalities coded as 3.", 3),  # fmt: skip
        ("On 1 May 2020, artillery fire hit three villages near Idlib, incurring fatalities. Unclear "
         "fatalities coded as 10 and split up between 3 locations.", 3),  # fmt: skip
        ("On 6 May 2020, a drone struck a convoy near Sirte, killing several fighters. 4 fatalities.", 4),
        # a split total is shared out rounded half up
        ("On 5 May 2020, 7 militants were killed in raids across four provinces. Fatalities are split "
         "across 4 events.", 2),  # fmt: skip
        # "total of N fatalities" is the sentence's toll, not another group
        ("Guards shot one inmate. 9 inmates were also killed (total of 10 fatalities).", 10),
        # deaths "also" killed add to the statement before them, not to a lead's total
        ("On 2 June 2020, 3 soldiers were killed in an ambush near Gao. Officials said 4 attackers "
         "were also killed.", 7),  # fmt: skip
        ("A policeman and two youths are killed in a raid on a mosque in Mombasa. A policeman was "
         "killed by a grenade. Two youths were also shot dead.", 3),  # fmt: skip
        # one more after a death
        ("Two villagers were killed in the fighting, as was one of the raiders.", 3),
        # a killer's own death beside his victims
        ("Police say a gunman fatally shot six people before killing himself at a bar in Tulsa.", 7),
        # no reported fatalities; a clash "over" land that causes the death is this event's
        ("Settlers attacked a ranger with arrows near Narok. No reported fatalities.", 0),
        ("A clash over land causes the death of one herder near Wajir.", 1),
        # a running tally is not the event's toll
        ("A man was shot dead in Chester on Friday. Police said 14 people have been killed in the city "
         "so far this year.", 1),  # fmt: skip
    ],
)
def test_counting_rules_read_from_the_notes(coder: Pipeline, text: str, killed: int) -> None:
    assert main_event(coder, text).fatalities == killed


def test_wounded_are_kept_apart_from_the_killed(coder: Pipeline) -> None:
    event = main_event(coder, "Five people were killed and 20 wounded when gunmen opened fire on a bus near Lamu.")
    assert (event.fatalities, event.wounded) == (5, 20)


def test_a_toll_from_an_earlier_year_is_background(coder: Pipeline) -> None:
    text = (
        "At least 30 people were killed when a car bomb exploded at a market in Mogadishu on Saturday. "
        "The market was hit by a truck bomb that killed more than 200 people in October 2017."
    )
    assert main_event(coder, text, published=date(2022, 5, 8)).fatalities == 30


def test_demo_article_counts_today_not_2017(coder: Pipeline, article: Callable[[str], Article]) -> None:
    mogadishu = article("wire.jsonl")
    assert "500" in mogadishu.text
    event = coder.run(mogadishu).events[0]
    assert (event.fatalities, event.wounded) == (100, 300)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a death stated without a killing verb: "dead" beside a verb, a death noun with "of"
        ("The boy was pronounced dead at the scene.", 1),
        ("A 7-year-old girl is dead after a shooting in east Tulsa.", 1),
        ("Deputies found a woman dead inside the house on Tuesday.", 1),
        ("Both the driver and his passenger were dead when police arrived.", 2),
        ("A father and his son were found fatally shot in their car.", 2),
        ("He was taken to a nearby hospital, where he later died.", 1),
        ("Prosecutors filed charges in the shooting death of a Dayton man on Sunday.", 1),
        ("The crash took the life of a local farmer.", 1),
        ("Police are investigating the deaths of two herders near the river.", 2),
        # the killer who dies counts, as ACLED counts an attacker's death
        ("Police say a man shot and killed his wife and two daughters before killing himself.", 4),
        ("A teenager shot his cousin to death and then committed suicide on Friday.", 2),
        ("The gunman took his own life as officers arrived.", 1),
        ("The boy accidentally shot himself in the leg.", 0),
        # none: no person dies, a year, a relative clause that is background, a cause
        ("Critics called the vote the death of democracy.", 0),
        ("Boston's first murder of 2015 happened overnight in Roxbury.", 0),
        ("The suspect, who killed his wife in 2009, was released last year.", 0),
        ("A man was charged with murder in the death of his neighbor.", 0),
        ("It was a blessing nobody died in the shooting.", 0),
        ("About 57 percent of those killed were young men.", 0),
        ("Tourists found a dead shark on the beach.", 0),
    ],
)
def test_deaths_stated_without_a_count(partial_pipeline: Callable[..., Pipeline], sentence: str, killed: int) -> None:
    parsed = partial_pipeline("clean", "nlp").run(Article(id="t", text=sentence)).annotations
    assert parsed is not None
    stage = partial_pipeline(*STAGES).stages[-1]
    [first, *_] = parsed.sentences
    count = stage.killed_in(first.span, parsed.tokens_in(first.i))  # type: ignore[attr-defined]
    assert (count.value if count else 0) == killed


def test_the_lead_states_the_toll_not_a_tally_further_down(coder: Pipeline) -> None:
    text = (
        "Gunmen shot dead two traders at a market in Kisumu on Monday evening. "
        "Police said the attackers fled on a motorcycle. "
        "Officers recovered spent cartridges at the scene. "
        "Traders closed their stalls on Tuesday. "
        "The county commander said patrols would be increased. "
        "Residents said the market had no lights. "
        "Eleven people have been killed in the town since January."
    )
    assert main_event(coder, text).fatalities == 2


@pytest.mark.parametrize(
    ("sentence", "wounded"),
    [
        ("Five people were hospitalized after the shooting outside the club.", 5),
        ("The shooting sent four teens to the hospital late Monday night.", 4),
        ("The attack left three people dead and another injured.", 1),
        ("A 12-year-old and three others were wounded on the court.", 4),
        ("One man was killed and three others were wounded.", 3),
        # injuries suffered, a hospital reached, bullets that hit
        ("Four people suffered non-life-threatening injuries in the drive-by shooting.", 4),
        ("Three other men were taken to the hospital with minor wounds.", 3),
        ("Two women were hit by stray bullets as they waited at the bus stop.", 2),
        # an age names one person; the fatally wounded died
        ("Police are investigating a shooting that injured 9-year-old boy on Sunday.", 1),
        ("The gunman fatally wounded four guards and wounded two visitors at the gate.", 2),
    ],
)
def test_wounded_phrasings(partial_pipeline: Callable[..., Pipeline], sentence: str, wounded: int) -> None:
    stage = partial_pipeline(*STAGES).stages[-1]
    count = stage.wounded_in(Span(0, len(sentence), sentence))  # type: ignore[attr-defined]
    assert count is not None and count.value == wounded


def test_the_shot_who_survived_are_the_wounded(coder: Pipeline) -> None:
    text = "Six people were shot outside a bar in Macon early Friday. Two men died at the scene."
    event = main_event(coder, text)
    assert (event.fatalities, event.wounded) == (2, 4)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        # one person the parse names as shot, none dead: one wounded
        ("A 6-year-old boy is recovering after he accidentally shot himself in the hand on Sunday.", 0, 1),
        ("Deputies say a toddler found a pistol under a bed and shot his uncle in the leg.", 0, 1),
        # the same person named twice is one ("the boy ... shot him")
        ("A 10-year-old boy was critically injured when his sister picked up a rifle and shot him.", 0, 1),
        # a count of the shot beside a smaller count of the hurt: the shot less the killed
        ("Seven people were shot at a party in Tulsa early Sunday. One man died at the scene. Two "
         "victims were hospitalized in critical condition.", 1, 6),  # fmt: skip
    ],
)
def test_the_shot_named_by_the_parse(news_coder: Pipeline, text: str, killed: int, wounded: int) -> None:
    event = news_coder.run(Article(id="t", text=text, published=date(2015, 6, 1))).events[0]
    assert (event.fatalities, event.wounded or 0) == (killed, wounded)


@pytest.fixture(scope="module")
def crime_coder() -> Pipeline:
    """Scope "all": news of crime, coded through to the finalize stage that orders the events."""
    stages = ["clean", "nlp", "events", "dates", "fatalities", "finalize"]
    config = load_config(environ={}, overrides={"pipeline.stages": stages, "pipeline.scope": "all"})
    return Pipeline.from_config(config)


def test_an_arrest_gives_the_death_to_the_shooting_it_follows(crime_coder: Pipeline) -> None:
    text = (
        "A 19-year-old man was shot and killed outside a gas station in Dayton on Saturday night. "
        "Police said the victim was sitting in his car when another man walked up and fired. "
        "On Tuesday officers arrested a 20-year-old suspect in the killing of the man."
    )
    work = crime_coder.run(Article(id="t", text=text, published=date(2015, 3, 4)))
    main = work.events[0]
    assert main.event_type != "Strategic developments"
    assert main.fatalities == 1
    assert main.event_date == date(2015, 2, 28)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # every side's dead add up across "and" (ACLED counts attackers and defenders alike)
        ("On 5 June 2021, five militants and one soldier were killed in a clash near Gao.", 6),
        ("On 5 June 2021, 5 militants and 1 soldier were killed in a clash near Gao.", 6),
        ("On 5 June 2021, 21 militants, including 2 commanders, and 4 soldiers were killed near Gao.", 25),
        ("On 5 June 2021, 2 police officers and a civilian were killed when a bomb exploded in Garissa.", 3),
        ("On 5 June 2021, at least 10 militants and 3 soldiers were killed in an ambush near Mopti.", 13),
        ("On 5 June 2021, 10 militants (including a commander) and 3 soldiers were killed near Mopti.", 13),
        ("On 5 June 2021, three militants, one soldier and two civilians were killed near Mopti.", 6),
        ("On 5 June 2021, troops clashed with raiders near Moyale, killing 4 herders and 2 soldiers.", 6),
        ("On 5 June 2021, the clashes near Moyale left 7 soldiers and 15 militants dead.", 22),
        # a count after "and" that is not of the killed
        ("On 5 June 2021, gunmen killed 3 and injured 5 in an attack on a market in Mandera.", 3),
        ("On 5 June 2021, gunmen killed 3 soldiers and 6 others were wounded near Mandera.", 3),
        ("On 5 June 2021, militants abducted 3 villagers and 2 soldiers were killed near Mandera.", 2),
        # "including" a group of another side: beside the count, not among it
        ("On 5 June 2021, at least 21 militants including 2 commanders and 4 soldiers were killed near Gao.", 25),
        ("On 5 June 2021, 15 villagers including 2 women and 3 children were killed near Gao.", 15),
        ("On 5 June 2021, 60 BH/IS fighters were killed in air strikes near Biu.", 60),
        # the dead "along with" the one named died too
        ("The county chief inspector is shot and killed, along with his companion.", 2),
        ("The farm manager died on the spot together with his passenger after a gunman fired at them.", 2),
        ("A militia commander was killed along with 4 other senior members and 5 bodyguards.", 10),
    ],
)
def test_groups_listed_with_and_add_up(coder: Pipeline, text: str, killed: int) -> None:
    assert main_event(coder, text).fatalities == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # "the fatal shooting of" names a death; what might have been does not
        ("Detectives arrested a third suspect in the fatal shooting of a 19-year-old man.", 1),
        ("The bullet grazed her leg, and her mother said it could have killed her.", 0),
        # a plan beside the killing does not undo it
        ("The caller said the man had killed his wife and two sons and planned to take his own life.", 3),
        # victims named by an age or a relation only
        ("A 6-year-old is dead after a shooting in north Tulsa.", 1),
        ("The 2-year-old who was shot inside the apartment has died.", 1),
        ("The town was reeling from the death of a 6-yo on Friday.", 1),
        ("A father shot and killed his 12- and 10-year-old sons before taking his own life.", 3),
        ("The man killed his wife and two daughters.", 3),
        ("Deputies said a man shot and killed his wife, two young children and his mother-in-law, "
         "before killing himself.", 5),  # fmt: skip
        ("Police said the man fatally shot his girlfriend, Ann Lee, 34, and their 2-year-old son, "
         "Sam Lee, in the apartment.", 2),  # fmt: skip
        ("The family of a 17-year-old shot and killed by a deputy has hired a lawyer.", 1),
        # the killer's own death, beside his victims or as the one counted
        ("The student killed four classmates and himself in the cafeteria.", 5),
        ("He went to the bedroom and fatally shot his wife and her mother before committing suicide.", 3),
        ("A 3-year-old boy has died after accidentally shooting himself in the head.", 1),
        ("An 11-year-old boy is dead after he found a loaded pistol in a closet and accidentally shot "
         "himself.", 1),  # fmt: skip
        # a multiple killing names its victims; "additional" deaths are deaths
        ("Detectives are investigating a triple homicide at a house on Elm Street.", 3),
        ("Five additional deaths were reported on Tuesday.", 5),
        ("Carl Dunn took his life on Sunday, his family said.", 1),
        # "as were" adds to the victims the parse names
        ("A woman and her husband were found dead inside the house, as were two children.", 4),
        # the dead of a second clause whose "was" is left out
        ("Police said four people were shot and one person killed in the incident.", 1),
        # a headline run into the first sentence states its toll once; a caption is no one
        ("3 people shot dead in Macon Three people were killed in a shooting on Friday, police said.", 3),
        ("Image 4 of 9 Police say a teenager was killed in a shooting on Main Street.", 1),
        # deaths on the road are no violence
        ("Students painted the rock to honor two classmates killed in a car crash last month.", 0),
        ("A county clerk died in a single vehicle wreck on Friday morning.", 0),
    ],
)
def test_death_readings_of_news(partial_pipeline: Callable[..., Pipeline], sentence: str, killed: int) -> None:
    parsed = partial_pipeline("clean", "nlp").run(Article(id="t", text=sentence)).annotations
    assert parsed is not None
    stage = partial_pipeline(*STAGES).stages[-1]
    [first, *_] = parsed.sentences
    count = stage.killed_in(first.span, parsed.tokens_in(first.i))  # type: ignore[attr-defined]
    assert (count.value if count else 0) == killed


@pytest.fixture(scope="module")
def news_coder() -> Pipeline:
    """Scope "all" up to the fatalities stage: news articles, each one incident."""
    config = load_config(environ={}, overrides={"pipeline.stages": list(STAGES), "pipeline.scope": "all"})
    return Pipeline.from_config(config)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a vague word yields to the number the story gives elsewhere
        ("Deputies say multiple people were found dead in a house in Ocala on Monday. The sheriff said "
         "three people died of gunshot wounds.", 3),  # fmt: skip
        # a later trial tells the incident's deaths in an accusation, and in its own year
        ("A Dayton man was charged with murder in the shooting death of his neighbor. He appeared in "
         "court on Tuesday.", 1),  # fmt: skip
        ("A man pleaded guilty on Monday to fatally shooting three people during a robbery at a store "
         "in Akron in 2013. Police said he opened fire on the clerks.", 3),  # fmt: skip
        # victims named one a sentence, each the subject of a death
        ("Two men were shot outside a bar in Macon on Friday. John Carter, 23, died at the scene. "
         "Mark Dunn, 31, was pronounced dead at the hospital.", 2),  # fmt: skip
        # deaths told after others are more of them
        ("A man was shot outside a store in Macon on Friday. One victim, a 30-year-old woman, was "
         "pronounced dead at the scene. Two more people died at the hospital.", 3),  # fmt: skip
        ("A gunman opened fire in a bar in Macon on Friday. His 19- and 23-year-old cousins were killed. "
         "A bartender was also killed.", 3),  # fmt: skip
        # a tally of several shootings yields to the story's own incident
        ("A string of weekend shootings left six people dead across Macon. In the first, two men were "
         "shot and killed outside a bar on Elm Street on Friday.", 2),  # fmt: skip
        # what follows the deaths of the story is no cause of other violence
        ("Neighbors are shaken after a soldier and his daughter were found dead outside their home in "
         "Macon on Friday.", 2),  # fmt: skip
        # a murder-suicide is two deaths, the killer's too
        ("A 2-year-old girl was shot and killed in an apparent murder-suicide in Macon on Thursday, "
         "deputies said.", 2),  # fmt: skip
        # a name that is charged is no victim
        ("A man was shot in Macon on Friday. Mark Dunn, 31, died at the scene. John Carter, 23, was "
         "charged with murder.", 1),  # fmt: skip
    ],
)
def test_news_tolls(news_coder: Pipeline, text: str, killed: int) -> None:
    work = news_coder.run(Article(id="t", text=text, published=date(2015, 6, 1)))
    assert work.events and work.events[0].fatalities == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a party's claim yields to the count the note confirms
        ("Militants attacked an army convoy near Lamu. The group claimed killing nine. The army said "
         "only two soldiers were killed.", 2),  # fmt: skip
        ("A soldier was killed and six others injured near Mandera after an IED detonated. The "
         "militants, in taking credit, claims eight dead.", 1),  # fmt: skip
        ("1 man was killed by a gang during raids on houses. (2 others feared dead in an earlier "
         "report but not confirmed)", 1),  # fmt: skip
        ("On 2 May 2021, the militants claimed to have killed 12 soldiers in an ambush near Buni Yadi.", 12),
        # the lower of an initial and a later report
        ("Rioters threw stones at police in Nakuru. Initial reports of 3 people killed, later reports "
         "of one person killed.", 1),  # fmt: skip
        # ACLED's bookkeeping: known deaths beside a coded figure, totals, splits
        ("On 3 May 2021, two soldiers were killed in a firefight with militants. The army believed "
         "there were militant fatalities. Unknown fatalities coded at 3, in addition to 2 known "
         "fatalities.", 5),  # fmt: skip
        ("On 2 May 2021, rival militias clashed near Aleppo. The clashes resulted in the killing of 1 "
         "policeman and 1 fighter and the injuring of 4 others. Total fatalities 2.", 2),  # fmt: skip
        ("On 2 May 2021, shelling hit army positions near Avdiivka. During the day, one soldier was "
         "killed at an unspecified location [1 fatality split among 10 events].", 0),  # fmt: skip
        ("On 1 May 2021, the army shelled militant positions near Biu over three days. 60 fighters "
         "were killed. Fatalities distributed across three events.", 20),  # fmt: skip
        ("On 1 May 2021, militias attacked four villages near Donga. Militiamen kiled 8-10 residents "
         "across the villages. Fatalities split between 8 events.", 1),  # fmt: skip
        # killed or hurt: no count of the killed
        ("On 2 May 2021, the air force struck militant camps near Dohuk, killing or injuring 4 militants.", 0),
        ("On 2 May 2021, 6 militants were killed, injured or captured in an operation near Kars.", 0),
        ("On 2 May 2021, 6 militants were killed, injured or captured in an operation near Kars. The "
         "group confirmed 4 PKK fatalities.", 4),  # fmt: skip
        # a toll raised later; "the following days" is a time, not a cause
        ("Gunmen shot and killed three worshippers at a church in Mombasa. In the following days the "
         "death toll was raised to five.", 5),  # fmt: skip
        # a headline's victim with a name, after ";", or lynched with a second verb
        ("Newly appointed county official Peter Otieno was shot dead in what police called a targeted "
         "killing.", 1),  # fmt: skip
        ("Police and raiders exchange fire near Kapedo; herdsman killed", 1),
        ("A mob lynches and burns a suspected robber in Kisii on 12/05.", 1),
        # a time of day between the verb's words, a misparsed fatal assault
        ("Two herders were in the evening hours shot dead near the river by suspected raiders.", 2),
        ("On 2 May 2021, two men suspected of theft were fatally assaulted by residents in Verulam.", 2),
        ("A man believed to be a member of the rebel front was shot dead by gunmen in Garissa.", 1),
        # deaths "claimed" by an attack are no claim
        ("Gunmen attacked a bar in Mombasa on Friday, killing two people. By Sunday the attack had "
         "claimed the lives of three people.", 3),  # fmt: skip
        # an aside about deaths coded elsewhere leaves the sentence's own count
        ("2 police killed (and 3 civilians - coded separately) by raiders in Mandera district.", 2),
    ],
)
def test_claims_reports_and_acled_bookkeeping(coder: Pipeline, text: str, killed: int) -> None:
    assert main_event(coder, text).fatalities == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a peaceful protest kills nobody: the death it tells is its cause (ACLED codes deaths at a
        # protest as excessive force or as the violence it became)
        ("Traders in Nyeri held a peaceful protest on Monday. They said three of their colleagues "
         "had been killed by police this month.", 0),  # fmt: skip
        # whether anyone died is not known
        ("It is not clear whether the driver survived the attack or died.", 0),
        # two roles of one person under a singular verb; a title and a name joined by a comma
        ("A veteran journalist and government critic was shot dead outside his office in Nakuru.", 1),
        ("MP, Yusuf Hassan Abdi of the national assembly was killed and another wounded in his Nairobi home.", 1),
        # a duration after the verb is no count; a day written before its month
        ("FATALITIES: 12 people were killed over three days of fighting near Moyale.", 12),
        ("02 Nov. 4 people killed when raiders attacked a village near Baringo.", 4),
        # a toll raised later, with the attack named between
        ("Gunmen opened fire on a matatu near Lamu, killing three. The death toll from the attack "
         "later rose to five.", 5),  # fmt: skip
        # ACLED's own share of a total it split by place: the first
        ("Clashes near Isiolo left 12 dead (7 fatalities coded for Isiolo, 5 coded for Garbatulla).", 7),
        # a revenge's cause and a suspect's own killing are background to the deaths of the event
        ("In retaliation for the killing of a trader the previous day, a mob killed 3 men.", 3),
        ("Two herders suspected to have killed a chief were lynched by residents.", 2),
        # "cattle rustlers" are people, not cattle; a headline's victim; bodies taken away
        ("7 cattle rustlers shot dead by police near Kapedo after a raid on a village.", 7),
        ("Police reservist killed as raiders attack a market in Baringo", 1),
        ("Eleven charred bodies taken to the mortuary after the night of arson in Naivasha.", 11),
        # a first verb of the same victims before "and killed"
        ("2 traders abducted from their shop and later killed by a gang in Kisii.", 2),
        ("On 3 May 2021, a landmine exploded and killed two goats near Hpakant. No people were hurt.", 0),
        # killed and injured together: how many died is unknown
        ("Militants ambushed a convoy near Mandera, killing and injuring an unspecified number of "
         "soldiers.", 0),  # fmt: skip
    ],
)
def test_background_roles_and_bookkeeping(coder: Pipeline, text: str, killed: int) -> None:
    assert main_event(coder, text).fatalities == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a headline that opens with its victims in the plural, no number: at least two
        ("Fishermen killed in raid on Lake Turkana", 2),
        ("Somali traders shot dead by unknown gunmen", 2),
        ("Herders killed in raid near Isiolo; three deaths", 3),
        # ... an active "kill" with a plural gives no figure, nor does a state after "leave"
        ("Raiders kill herders near Isiolo", 0),
        ("Clashes leave herders dead", 0),
    ],
)
def test_headline_notes(coder: Pipeline, text: str, killed: int) -> None:
    assert main_event(coder, text).fatalities == killed


def test_a_plural_headline_in_news_gives_no_figure(news_coder: Pipeline) -> None:
    # the plural headline rule is ACLED's scope only: news tells its own count
    assert main_event(news_coder, "Teens shot dead outside a store in Ohio").fatalities == 0
