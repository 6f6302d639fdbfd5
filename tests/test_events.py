from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from eventcoder.config import load_config
from eventcoder.model import Article, Work
from eventcoder.pipeline import Pipeline
from eventcoder.stages.event_rules import crowd_rioted, military_strike
from eventcoder.stages.precedence import (
    arrest_is_aside,
    bomber_stopped,
    codebook_drops,
    crowd_reading,
    demonstration_reading,
    displaced_by_fighting,
    force_on_crowd,
    more_than_destruction,
    pro_government,
    reads_as_clash,
    reads_as_exchange,
    reads_as_shelling,
    riot_not_mob,
    territory_winner,
)

SEED = Path(__file__).resolve().parents[1] / "examples" / "baghouz.txt"


@pytest.fixture(scope="module")
def front() -> Pipeline:
    """The stages up to events: what this module tests, with the real model and parser."""
    cfg = load_config(environ={}, overrides={"pipeline.stages": ["clean", "nlp", "events"]})
    return Pipeline.from_config(cfg)


def _code(front: Pipeline, text: str) -> Work:
    return front.run(Article(id=Article.make_id(text), text=text, published=date(2019, 3, 12)))


def test_seed_has_air_strike_shelling_and_clash(front: Pipeline) -> None:
    text = SEED.read_text("utf-8").split("\n", 2)[2]
    work = _code(front, text)
    types = [e.sub_event_type for e in work.events]
    assert {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"} <= set(types)
    assert len(types) == len(set(types))  # one event per sub-type here, no duplicates
    cited = " ".join(m.span.text for e in work.events for m in e.mentions)
    assert "Leave a Reply" not in cited  # the clean stage removed the comment form
    assert "defense official" not in cited  # a statement, not an event
    assert "extended in 2014" not in cited  # history, not an event


def test_one_sentence_can_report_two_events(front: Pipeline) -> None:
    work = _code(front, "Government troops pounded the town with air strikes and artillery on Monday.")
    assert {e.sub_event_type for e in work.events} == {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    }


def test_a_protest_dispersed_with_tear_gas_is_one_event(front: Pipeline) -> None:
    work = _code(
        front,
        "Hundreds of students marched to parliament in Nairobi on Tuesday demanding lower fees. "
        "Police fired tear gas to disperse the protesters and arrested twelve of them.",
    )
    assert [e.event_type for e in work.events] == ["Protests"]
    assert work.events[0].sub_event_type == "Protest with intervention"
    assert len(work.events[0].mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The rebels threatened to attack the capital if talks fail.",
        "Officials said the government would deploy more troops next year.",
        "The minister spoke about the economy and the budget for the coming year.",
    ],
)
def test_plans_threats_and_other_news_code_nothing(front: Pipeline, text: str) -> None:
    assert _code(front, text).events == ()


def test_casualty_sentence_joins_the_event_it_reports(front: Pipeline) -> None:
    work = _code(
        front,
        "Fighters of the group clashed with army units near the border on Sunday. "
        "One soldier was killed and four were wounded.",
    )
    [event] = work.events
    assert event.sub_event_type == "Armed clash"
    assert [m.sent for m in event.mentions] == [0, 1]


def test_crime_news_is_out_of_scope_unless_all(front: Pipeline) -> None:
    text = (
        "A man was shot and killed outside a bar on Main Street late Saturday, police said. "
        "Detectives are looking for a suspect; no arrests have been made in the homicide."
    )
    assert _code(front, text).events == ()
    cfg = load_config(
        environ={}, overrides={"pipeline.stages": ["clean", "nlp", "events"], "pipeline.scope": "all"}
    )
    events = Pipeline.from_config(cfg).run(Article(id="x", text=text)).events
    assert events and events[0].tags == "crime"
    assert events[0].event_type == "Violence against civilians"


@pytest.fixture(scope="module")
def front_all() -> Pipeline:
    """The stages up to events under scope "all" (every shooting, crime and accidents included)."""
    cfg = load_config(
        environ={}, overrides={"pipeline.stages": ["clean", "nlp", "events"], "pipeline.scope": "all"}
    )
    return Pipeline.from_config(cfg)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "A 14-year-old girl from Elm Creek has died from a gunshot wound. The sheriff said the "
            "death was a tragic accident caused by the careless handling of a loaded rifle.",
            "gunshot wound",
        ),
        (
            "Kyle Benson, 19, is charged with reckless endangerment after a pistol he was showing "
            "to a friend discharged into the friend's leg.",
            "pistol he was showing to a friend discharged",
        ),
        (
            "Her brother leaned the shotgun against the wall, and it fell and went off, the family "
            "said. She died at the hospital the next day.",
            "shotgun against the wall, and it fell and went off",
        ),
        # A headline stub: "will" governs the only event word, so nothing else codes it.
        ("Bar owner says he will fight the lawsuit by a shooting victim.", "shooting victim"),
    ],
)
def test_shooting_told_only_in_passing_is_an_event_under_scope_all(
    front: Pipeline, front_all: Pipeline, text: str, trigger: str
) -> None:
    # An accident is no political violence: ACLED's scope codes nothing.
    assert _code(front, text).events == ()
    work = front_all.run(Article(id=Article.make_id(text), text=text, published=date(2019, 3, 12)))
    [event] = work.events
    assert (event.event_type, event.sub_event_type, event.tags) == (
        "Violence against civilians", "Attack", "crime"
    )
    [mention] = event.mentions
    assert mention.trigger is not None and mention.trigger.text == trigger
    assert work.article.text[mention.trigger.start : mention.trigger.end] == trigger


def test_article_with_no_shooting_told_stays_empty_under_scope_all(front_all: Pipeline) -> None:
    text = "Tyler, 15, passed away on Thursday. He loved basketball and was a member of the choir."
    assert front_all.run(Article(id="obit", text=text)).events == ()


@pytest.mark.parametrize(
    "background",
    [
        "Government forces have pressed an offensive against the group in recent months.",
        "The group has fought for more than 15 years to overthrow the government.",
        "The army has increasingly relied on air strikes against villages.",
        "A truck bomb killed more than 500 people at the same junction in October 2017.",
    ],
)
def test_background_sentences_found_no_event(front: Pipeline, background: str) -> None:
    lead = "Two car bombs exploded at the ministry in the capital on Saturday."
    work = _code(front, f"{lead} {background}")
    assert [e.sub_event_type for e in work.events] == ["Remote explosive/landmine/IED"]
    assert all(m.sent == 0 for e in work.events for m in e.mentions)


@pytest.mark.parametrize(
    "text",
    [
        # Clear to a reader, but the classifier splits it between riot, mob and clash readings.
        "Traders armed with machetes confronted the police in the market after the officers seized "
        "a mill from them.",
        "Elders demonstrate over lack of payment for census work.",
    ],
)
def test_an_unclear_but_real_event_is_still_coded(front: Pipeline, text: str) -> None:
    assert len(_code(front, text).events) == 1


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # ACLED codes a battle that moves territory as the territory change, by who took it.
        ("Jihadist fighters overran the army post at Tessit after hours of heavy fighting.",
         "Non-state actor overtakes territory"),
        ("Government troops recaptured the town of Kalewa from the rebels after fierce clashes.",
         "Government regains territory"),
        ("The rebels entered the district capital without a fight after soldiers pulled out of it.",
         "Non-violent transfer of territory"),
        ("A suicide bomber blew himself up at a police checkpoint in the city, killing four officers.",
         "Suicide bomb"),
        ("Residents said shells filled with chlorine gas landed on the neighbourhood overnight.",
         "Chemical weapon"),
        ("Police opened fire on a peaceful march of teachers, killing two of them.",
         "Excessive force against protesters"),
        ("Army engineers defused a roadside bomb planted near the main bridge.",
         "Disrupted weapons use"),
        ("The militia set up a new base in an abandoned school outside the town.",
         "Headquarters or base established"),
        ("The two armed groups signed a ceasefire agreement in the capital on Friday.", "Agreement"),
        ("Security forces arrested the spokesman of the opposition party at his home.", "Arrests"),
        ("Unidentified men set fire to the offices of the electoral commission overnight.",
         "Looting/property destruction"),
    ],
)  # fmt: skip
def test_the_words_of_rarer_sub_types_decide_the_main_event(
    front: Pipeline, text: str, sub_event_type: str
) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "The home side's attack finally broke through in the second half and they won the cup final 2-1.",
        "Shares fell sharply on Monday as the central bank raised interest rates to curb inflation.",
        "Heavy rain is expected across the region this weekend, with strong winds along the coast.",
        "The company announced a new chief executive and a plan to open three factories next year.",
    ],
)
def test_sports_economy_and_weather_news_code_nothing(front: Pipeline, text: str) -> None:
    assert _code(front, text).events == ()


def test_a_claim_of_responsibility_founds_no_second_event(front: Pipeline) -> None:
    work = _code(
        front,
        "Two car bombs exploded at the education ministry in the capital on Saturday, killing dozens. "
        "The militant group, which is linked to al Qaeda, claimed responsibility for the attack "
        "in a statement on Sunday.",
    )
    assert [e.sub_event_type for e in work.events] == ["Remote explosive/landmine/IED"]
    assert [m.sent for m in work.events[0].mentions] == [0, 1]  # the claim joins the bombing


def test_fires_in_a_battle_are_no_riot(front: Pipeline) -> None:
    work = _code(front, "Fires erupted after dark in the enclave as it was hit with rockets.")
    assert [e.event_type for e in work.events] == ["Explosions/Remote violence"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # Two armed, organised sides are an armed clash, whichever of them the report has attack.
        (("Armed raiders attacked a police post near the river at dawn. Officers repulsed the raiders "
          "after an hour-long exchange of fire."), "Armed clash"),
        ("Gunmen shot dead two police officers on patrol outside the market on Tuesday night.",
         "Armed clash"),
        ("Gunmen stormed a village at night and shot dead four villagers in their homes.", "Attack"),
        # What the crowd did decides the demonstration's sub-type.
        (("Hundreds of traders protested in the town centre against new market fees; they barricaded "
          "the main road with burning tyres."), "Violent demonstration"),
        (("Nurses marched peacefully to the county offices to demand unpaid salaries. No violence was "
          "reported."), "Peaceful protest"),
        # ACLED note tags name a strategic development outright.
        (("Movement of forces: the army sent two battalions to the border district ahead of the "
          "elections."), "Change to group/activity"),
        ("Property destruction: unknown people burned a classroom at the village school overnight.",
         "Looting/property destruction"),
        (("Non-violent activity: elders said the two communities were arming themselves before the "
          "vote."), "Other"),
    ],
)  # fmt: skip
def test_who_took_part_decides_the_sub_type(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


# ACLED's actor rules (stages/precedence.py): who did the violence to whom types the event.
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # An armed group against unarmed people, no fight: an attack, however "ambush" reads.
        ("Gunmen ambushed a minibus on the Mandera road on Monday and killed three passengers.", "Attack"),
        ("A police officer shot dead a boda boda driver who refused to pay a bribe in Kisumu.", "Attack"),
        # State forces beating a man to death: an attack on a civilian, not a riot.
        ("Soldiers beat a trader to death at a market in Garissa after accusing him of hiding militants.", "Attack"),
        # Both sides armed and fighting: an armed clash.
        ("Police repulsed a group of bandits who raided a police post in Baringo on Friday.", "Armed clash"),
        # A crowd turning on a suspect outside any demonstration: mob violence, not an attack.
        ("A mob lynched a suspected cattle thief at a market in Isiolo on Sunday.", "Mob violence"),
        ("Irate villagers beat a man to death after accusing him of stealing a goat.", "Mob violence"),
        # A demonstration that turned violent stays a violent demonstration.
        ("Protesters barricaded the highway with burning tyres and threw stones at passing cars.", "Violent demonstration"),
    ],
)
def test_who_did_the_violence_types_the_event(front: Pipeline, text: str, sub_event_type: str) -> None:
    work = _code(front, text)
    assert work.events[0].sub_event_type == sub_event_type


# Reports that found no event before: words of violence the cue list lacked (present tense,
# "bursts of fire", remains found, a siege repelled), or one crime word counted twice.
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Monitors recorded 12 bursts of small-arms fire near the railway station on Friday.", "Armed clash"),
        ("A man hacks his neighbour to death with a machete in a boundary dispute.", "Attack"),
        ("A severed head was found inside a sack by the roadside on Sunday.", "Attack"),
        ("Two decapitated bodies were found dumped near the market.", "Attack"),
        ("Police seize explosives from suspected militants in Mandera.", "Disrupted weapons use"),
        ("Two rival clans battle over grazing land near the border.", "Armed clash"),
        ("Insurgents lay siege to the town but are repelled by soldiers.", "Armed clash"),
        ("Rebels destroyed an army tank on the southern front using an ATGM.", "Shelling/artillery/missile attack"),
        ("A group of party youths destroyed 6 houses belonging to opposition members.", "Looting/property destruction"),
        ("The army carried out an operation against the militants in the hills, leaving 3 fighters dead.",
         "Armed clash"),
        # A crowd punishing a suspect is mob justice, not crime news, though "suspected" is a crime word.
        ("Residents of the estate attack and kill a man they suspected of stealing a motorbike.", "Mob violence"),
        # "murdered" and "murders" are one crime word, not two: the gang killings stay in scope.
        ("Four people were murdered in the village by a local gang. The times of the murders are unknown.",
         "Attack"),
    ],
)  # fmt: skip
def test_reports_the_cue_list_missed_are_events(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "The floods destroyed crops across the region, officials said.",
        "The war destroyed the country's economy, the minister said on Monday.",
        "Machine guns and rifles were on display at the museum.",
    ],
)
def test_destruction_and_weapons_in_background_code_nothing(front: Pipeline, text: str) -> None:
    assert _code(front, text).events == ()


# ACLED's demonstration sub-types, by what the crowd did (codebook, Protests and Riots).
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Students went on the rampage after the college raised fees.", "Violent demonstration"),
        ("Residents engaged police in running battles to protest insecurity in the area.", "Violent demonstration"),
        # Crowd violence while demonstrating is a violent demonstration, not mob violence.
        ("Workers went on strike and vandalised the factory offices.", "Violent demonstration"),
        ("Traders lit bonfires on the main street to protest against new levies.", "Violent demonstration"),
        ("Protesters dumped garbage outside the county offices over unpaid wages.", "Violent demonstration"),
        ("Hawkers held their demos peacefully in the town centre.", "Peaceful protest"),
        ("Nurses held a peaceful procession to the county offices demanding unpaid salaries.", "Peaceful protest"),
        # A crowd that rioted as one body; "anti-riot police" name the police unit, not a riot.
        ("Supporters of the losing aspirant rioted outside the tallying centre in Bungoma.", "Violent demonstration"),
        ("University students went on the rampage over a rise in tuition fees.", "Violent demonstration"),
        ("Supporters of the speaker protested over his impeachment; anti-riot police intervened to restore order.",
         "Protest with intervention"),
    ],
)  # fmt: skip
def test_what_the_crowd_did_types_the_demonstration(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("The peaceful celebrations were free of running battles with the police.", "Peaceful protest"),
        ("Youths marched peacefully, demanding an end to looting in the market.", "Peaceful protest"),
        ("The march turned violent when youths engaged police in running battles.", "Violent demonstration"),
    ],
)
def test_violence_the_report_denies_or_demands_against_is_not_the_crowds(text: str, reading: str) -> None:
    assert demonstration_reading(text) == reading


@pytest.mark.parametrize(
    ("text", "riot"),
    [
        ("Students went on strike and smashed the windows of the dining hall.", True),
        # A demonstration as background: ACLED codes the crowd's attack as mob violence.
        ("Party members beat a vendor following anti-government demonstrations in the city.", False),
        ("Protesters lynched a man they accused of theft.", False),
    ],
)
def test_a_crowd_demonstrating_riots_rather_than_mobs(text: str, riot: bool) -> None:
    assert riot_not_mob(text) is riot


# Shelling or an armed clash: whether the other side could fire back (ACLED codebook, Shelling:
# fired from a distance at a target that cannot respond; Armed clash: both sides exchange fire).
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 3 June, the rebel forces fired 82mm mortars at the army positions near Dovzhe.",
         "Shelling/artillery/missile attack"),
        ("On 3 June, government troops fired grenade launchers and IFVs at the positions of the militia near Dovzhe.",
         "Shelling/artillery/missile attack"),
        ("On 3 June, government troops fired mortars, grenade launchers and small arms at the positions of the "
         "militia near Dovzhe.", "Armed clash"),
        ("On 4 June, monitors recorded 40 explosions involving mortars in both directions of the front line near Dovzhe.",
         "Armed clash"),
        ("On 5 June, the two armies exchanged artillery and mortar fire across the river.", "Armed clash"),
        ("On 5 June, militia fighters responded to army shelling near the dam, wounding two soldiers.", "Armed clash"),
    ],
)  # fmt: skip
def test_fire_that_went_both_ways_is_a_clash(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "shelling", "exchange"),
    [
        ("The rebels fired 120mm mortars at the army positions near the bridge.", True, False),
        ("The rebels fired heavy machine guns and small arms at the army positions.", False, True),
        # Rifles aimed at homes: the village cannot answer, so still shelling (not a ground fight).
        ("Soldiers fired artillery shells and small arms at the village indiscriminately.", True, False),
        ("The two sides clashed using heavy weapons and mortars in the north of the city.", False, True),
    ],
)
def test_shelling_and_exchange_readings(text: str, shelling: bool, exchange: bool) -> None:
    assert (reads_as_shelling(text), reads_as_exchange(text)) == (shelling, exchange)


# An armed, organised side as the target makes an armed clash (ACLED codebook); state forces or
# their auxiliaries beating or stabbing a civilian make an attack, not mob violence.
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 4 June, unidentified gunmen shot dead a member of the regime's intelligence near the checkpoint.",
         "Armed clash"),
        ("On 4 June, militants ambushed a gendarmerie unit on the road to the mine, killing one gendarme.",
         "Armed clash"),
        ("On 4 June, the army attacked the militants in the hills north of the town.", "Armed clash"),
        ("On 6 June, gendarmes beat and injured a taxi driver at a checkpoint for not wearing a mask.", "Attack"),
        ("On 6 June, a private security guard stabbed a hawker to death outside the market.", "Attack"),
    ],
)  # fmt: skip
def test_who_was_hit_types_the_violence(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


# Strategic developments the words or the note's tag name; a demonstration with no violence told.
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 2 June, rebel reinforcements reportedly arrived on the northern front line.", "Change to group/activity"),
        ("Explosive remnants of war: On 2 June, a farmer was injured by an old mine left from the war.", "Other"),
        ("Detonation: On 2 June, a mortar round exploded prematurely at an army post, wounding two soldiers.",
         "Disrupted weapons use"),
        ("On 2 June, teachers went on strike and barricaded themselves inside the ministry offices over unpaid pay.",
         "Peaceful protest"),
        ("On 2 June, youths demonstrated in the town centre demanding that the county repair the road.",
         "Peaceful protest"),
    ],
)  # fmt: skip
def test_strategic_developments_and_calm_protests(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # Earlier violence as the background, and an item of a list of grievances, are not the crowd's.
        ("Party members held a rally against the prior killing of their leader during a clash with police.", ""),
        ("Activists rallied demanding an end to corruption, looting, money laundering and bank fraud.", ""),
        ("Protesters gathered outside parliament over the recovery of looted funds.", ""),
    ],
)
def test_grievances_are_not_the_crowds_violence(text: str, reading: str) -> None:
    assert demonstration_reading(text) == reading


# News wording of rarer sub-types (issue 3), each a codebook rule: who a place was taken from
# decides the territory change; munitions dropped by drones are air strikes; old ordnance going
# off is a remote explosive; a deal ending clashes is the agreement; burning with no crowd named
# is property destruction; police arresting the marchers is an intervention.
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Nigerian forces took back the town of Malam Fatori from Boko Haram on Sunday.",
         "Government regains territory"),
        ("The town of Kalaat fell to the Taliban after a week-long assault on its police garrison.",
         "Non-state actor overtakes territory"),
        ("A drone dropped a grenade on a queue of people outside a bakery, wounding five.", "Air/drone strike"),
        ("A boy was killed when an old mortar bomb he picked up near the river exploded.",
         "Remote explosive/landmine/IED"),
        ("The two militias agreed to a truce on Monday after three days of clashes in the port.", "Agreement"),
        ("Unknown men vandalised and set fire to a mobile phone mast outside the village.",
         "Looting/property destruction"),
        ("Police arrested 15 nurses who were marching to the health ministry over unpaid salaries.",
         "Protest with intervention"),
        ("Gunmen seized nine passengers from a minibus on the road to Birnin Gwari.",
         "Abduction/forced disappearance"),
        ("Two militia commanders and 40 of their men surrendered to the army on Thursday.",
         "Change to group/activity"),
        ("Investigators exhumed a mass grave holding the remains of 20 people near the village.", "Other"),
        ("The air force said it shot down 11 of the 14 drones launched at the capital overnight.",
         "Disrupted weapons use"),
        ("UN peacekeepers handed over their base in Aguelhok to the national army.",
         "Non-violent transfer of territory"),
    ],
)  # fmt: skip
def test_news_wording_of_rare_sub_types(front: Pipeline, text: str, sub_event_type: str) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "winner"),
    [
        ("Troops retook the village from the rebels.", "Government regains territory"),
        ("Neighbourhoods held by Islamic State were retaken.", "Government regains territory"),
        ("The militants seized the town from government troops.", "Non-state actor overtakes territory"),
        ("The town changed hands twice.", ""),
    ],
)
def test_the_side_a_place_was_taken_from_decides_who_won(text: str, winner: str) -> None:
    assert territory_winner(text) == winner


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # A place taken, and the next sentence says no one fought for it (ACLED codebook).
        ("Al-Shabaab fighters overtook Kolbio village in Lamu on Sunday night. No violence was reported.",
         "Non-violent transfer of territory"),
        # Lethal force on a crowd that did no violence, told in the sentence after the protest.
        ("Traders in Kisumu protested against new market fees on Monday. Police responded with live "
         "fire, wounding three.", "Excessive force against protesters"),
        ("Riot police opened fire on opposition supporters marching in Homa Bay, injuring four.",
         "Excessive force against protesters"),
        # Destruction with no other violence, by armed men or state forces.
        ("Federal police seized two tons of cocaine hidden in a lorry during a highway check in Santos.",
         "Looting/property destruction"),
        ("Unidentified men set on fire three trucks belonging to a mining company near Tete.",
         "Looting/property destruction"),
        # Residents destroying a suspect's property riot; a beating before the arrest is the event.
        ("Residents torched the house of a suspected cattle thief in Kitale on Tuesday.", "Mob violence"),
        ("A suspected thief was beaten up by locals in Eldoret before being arrested.", "Mob violence"),
        # Displacement told on its own is ACLED's "Other".
        ("More than 200 villagers fled their village to the district town on Friday, officials said.",
         "Other"),
        # Militias fighting for the government take territory as its affiliates (ACLED codebook).
        ("Loyalist forces took control of the airport on Friday after heavy fighting with the militants.",
         "Government regains territory"),
        ("Pro-Hadi and allied forces gained control over the Al Malha crossing on Thursday, killing 12 "
         "Houthi fighters.", "Government regains territory"),
        ("Government-backed fighters seized the town of Qatana from the rebels on Monday.",
         "Government regains territory"),
        # Bombers killed by the other side fought; they did not blow themselves up.
        ("Soldiers shot dead two suicide bombers at a checkpoint near the market on Monday.", "Armed clash"),
        ("A suicide bomber blew himself up at a checkpoint near the market on Monday, killing four "
         "soldiers.", "Suicide bomb"),
        # Takers who leave again afterwards took the town without a fight.
        ("Al-Shabaab militants briefly took over Kiunga town on Sunday. Their commanders addressed the "
         "elders at the market before retreating.", "Non-violent transfer of territory"),
    ],
)  # fmt: skip
def test_rare_sub_types_by_the_codebook(front: Pipeline, text: str, sub_event_type: str) -> None:
    work = _code(front, text)
    assert work.events[0].sub_event_type == sub_event_type


def test_arrests_told_after_an_attack_rank_below_it(front: Pipeline) -> None:
    work = _code(
        front,
        "Gunmen shot dead a village chief in Mandera on Monday night. "
        "Police later arrested three suspects in the town.",
    )
    types = [e.sub_event_type for e in sorted(work.events, key=lambda e: -e.confidence)]
    assert types[0] == "Attack"
    assert "Arrests" in types[1:]


@pytest.mark.parametrize(
    ("sentence", "part_of"),
    [
        ("Residents torched the house of the suspect.", "Mob violence"),
        ("Soldiers burned dozens of homes in the village, residents said.", ""),
        ("Two people were killed when attackers burned the church.", "killed"),
        ("Armed men looted shops in the market.", ""),
    ],
)
def test_what_destruction_is_part_of(sentence: str, part_of: str) -> None:
    assert more_than_destruction(sentence) == part_of


@pytest.mark.parametrize(
    ("sentence", "aside"),
    [
        ("A suspected thief was beaten by locals before being arrested.", True),
        ("A policeman was apprehended after shooting dead a councillor.", True),
        ("Soldiers detained and tortured a farmer.", True),
        ("Police arrested 14 opposition activists in Lusaka.", False),
    ],
)
def test_an_arrest_aside_another_event(sentence: str, aside: bool) -> None:
    assert arrest_is_aside(sentence) is aside


@pytest.mark.parametrize(
    ("sentence", "by_fighting"),
    [
        ("Heavy fighting forced 400 villagers to flee their homes.", True),
        ("About 300 migrants returned from Peru by bus.", False),
    ],
)
def test_displacement_by_fighting(sentence: str, by_fighting: bool) -> None:
    assert displaced_by_fighting(sentence) is by_fighting


@pytest.mark.parametrize(
    ("sentence", "lethal"),
    [
        ("Police shoot at the crowd, injuring two.", True),
        ("One protester is killed by police.", True),
        ("Security forces fired shots into the air to disperse them.", False),
        ("They protested over the shooting of a student by police.", False),
    ],
)
def test_lethal_force_on_a_crowd(sentence: str, lethal: bool) -> None:
    assert force_on_crowd(sentence) is lethal


_ARMED_GROUP = re.compile(r"houthis?|rebels?|militants?", re.IGNORECASE)


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Pro-Hadi forces took control of the hill.", "Pro-Hadi forces"),
        ("Pro-Houthi forces took control of the hill.", None),
        ("Government-backed militiamen entered the village.", "Government-backed"),
        ("The rebels entered the village.", None),
    ],
)
def test_pro_government_sides(sentence: str, side: str | None) -> None:
    found = pro_government(sentence, _ARMED_GROUP)
    assert (found.group(0) if found else None) == side


@pytest.mark.parametrize(
    ("sentence", "stopped", "suicide_bomb_dropped"),
    [
        ("Troops killed two suicide bombers near the border post.", True, True),
        ("The suicide bomber was shot dead by police at the gate.", True, True),
        ("A suicide bomber killed six worshippers at the mosque.", False, False),
        ("Guards claimed the prisoner's death was a suicide.", False, True),
    ],
)
def test_a_suicide_bomb_needs_the_bombers_blast(
    sentence: str, stopped: bool, suicide_bomb_dropped: bool
) -> None:
    assert bomber_stopped(sentence) is stopped
    assert ("Suicide bomb" in codebook_drops(sentence, set())) is suicide_bomb_dropped


# A crowd's riot as one body is a violent demonstration; two groups fighting each other, or a mob
# punishing a suspect, is mob violence (ACLED codebook, Riots).
@pytest.mark.parametrize(
    ("text", "rioted"),
    [
        ("Voters in Kericho rioted after the returning officer delayed the results.", True),
        ("There were riots at several polling stations as supporters rejected the results.", True),
        ("Pupils burnt down two dormitories after the principal cancelled half-term.", True),
        ("Lecturers went on strike over unpaid salaries.", True),
        ("Two groups of youths rioted and fought each other over the bus stage.", False),
        ("Residents rioted and lynched a man suspected of stealing a goat.", False),
        ("A community burned down the police camp after a death in custody.", False),
    ],
)
def test_a_crowd_rioting_as_one_body(text: str, rioted: bool) -> None:
    assert crowd_rioted(text) is rioted


# State forces named as the agent of a passive ("killed by police") did the harm; they were not hit.
@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Two journalists were assaulted by police officers at a rally in Eldoret.", "Attack"),
        ("A man suspected of stealing a phone was killed by police in Kisumu on Sunday.", "Attack"),
        ("Policemen were filmed executing two unarmed men on a street in Nairobi.", "Attack"),
        # The police hurt, not hurting: not a one-sided attack by them.
        ("Two police officers were shot by unknown men in Garissa.", ""),
    ],
)
def test_state_forces_as_agents_read_as_attack(text: str, reading: str) -> None:
    assert crowd_reading(text) == reading


# State forces or an armed side killing raiders, bandits or militiamen: two armed sides, a clash.
@pytest.mark.parametrize(
    ("text", "clash"),
    [
        ("Police kill four suspected raiders near the border of Turkana.", True),
        ("Reservists shoot two bandits who had stolen goats in Baringo.", True),
        ("Home guards killed a cattle raider at a watering point in Isiolo.", True),
        ("Gunmen kill a shopkeeper and his wife in their home in Mandera.", False),
    ],
)
def test_armed_sides_killing_raiders_read_as_clash(text: str, clash: bool) -> None:
    assert reads_as_clash(text) is clash


def test_lighting_fires_makes_a_demonstration_violent() -> None:
    text = "Students protested over unpaid bursaries by blocking the road and lighting fires."
    assert demonstration_reading(text) == "Violent demonstration"


# Short conflict-monitor captions (written by us in that style): damage told with its cause, and
# a side's weapons destroyed by the other, are events ACLED codes by the weapon used.
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("A kindergarten in Okhtyrka was damaged by shelling", "Shelling/artillery/missile attack"),
        ("Houses shelled on the edge of Kupiansk", "Shelling/artillery/missile attack"),
        ("Ukrainian paratroopers destroyed three Russian T-80 tanks near Lyman", "Armed clash"),
        ("The Russian army destroyed two Ukrainian howitzers near Siversk", "Armed clash"),
        ("Russian artillery destroyed a Ukrainian tank near Bakhmut", "Shelling/artillery/missile attack"),
        ("Attack helicopter launching rockets at positions near Kreminna", "Air/drone strike"),
        ("Drone dropping grenades on Russian trenches near Kherson", "Air/drone strike"),
        ("Russian tanks firing at houses in Vuhledar", "Shelling/artillery/missile attack"),
        ("MLRS strikes on the outskirts of Chuhuiv", "Shelling/artillery/missile attack"),
        ("Chechen fighters during a street battle in Sievierodonetsk", "Armed clash"),
    ],
)  # fmt: skip
def test_conflict_captions_are_coded_by_the_weapon(
    front: Pipeline, text: str, sub_event_type: str
) -> None:
    events = _code(front, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "A clinic in Balakliia damaged by strike",
        "Aftermath of a strike on a grain terminal in Mykolaiv",
        "Casualties after a night strike near the bus station in Kramatorsk",
    ],
)
def test_a_strike_that_hit_something_is_remote_violence(front: Pipeline, text: str) -> None:
    events = _code(front, text).events
    assert events and events[0].event_type == "Explosions/Remote violence"


# Sightings of forces and damage with no cause told: no event ACLED codes from a caption.
@pytest.mark.parametrize(
    "text",
    [
        "Convoy of armoured vehicles heading north",
        "Train carrying Russian military equipment towards Belgorod",
        "Russian troop movements",
        "Damaged apartment blocks in Chuhuiv",
        "Destroyed Russian MLRS on a road near Izium",
    ],
)
def test_sightings_and_bare_damage_code_nothing(front: Pipeline, text: str) -> None:
    assert _code(front, text).events == ()


@pytest.mark.parametrize(
    ("text", "military"),
    [
        ("A school in Izium was damaged by strike.", True),
        ("Smoke rising after a strike on the fuel depot.", True),
        ("Teachers in Nakuru went on strike over unpaid salaries.", False),
        ("Workers stayed home on the third day of the general strike.", False),
        ("Students marched to the ministry after the strike by lecturers.", False),
    ],
)
def test_military_and_labour_strikes(text: str, military: bool) -> None:
    assert military_strike(text) is military
