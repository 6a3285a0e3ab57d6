"""A small gazetteer of the places news stories are most often filed from.

Used to tell a dateline ('London', 'BEIRUT') from other short header lines. Capitals and
the large news cities of every region; matching ignores case and a trailing country or
state ('Cairo, Egypt', 'Austin, Texas').
"""

from __future__ import annotations

_CITIES = """
abu dhabi|abuja|accra|addis ababa|aleppo|algiers|amman|amsterdam|ankara|antalya|astana
athens|atlanta|auckland|austin|baghdad|baku|bamako|bangkok|barcelona|basra|beijing|beirut
belfast|belgrade|benghazi|berlin|bern|bogota|bonn|boston|brasilia|bratislava|brussels
bucharest|budapest|buenos aires|cairo|calcutta|canberra|cape town|caracas|casablanca
chennai|chicago|copenhagen|dakar|dallas|damascus|dar es salaam|deir ez-zor|delhi|denver
detroit|dhaka|doha|dubai|dublin|edinburgh|erbil|frankfurt|gaza|geneva|gaziantep|glasgow
guangzhou|hama|hanoi|harare|havana|helsinki|ho chi minh city|homs|hong kong|houston
idlib|islamabad|istanbul|izmir|jakarta|jeddah|jerusalem|johannesburg|juba|kabul|kampala
karachi|kathmandu|khartoum|kiev|kyiv|kigali|kinshasa|kolkata|kuala lumpur|kuwait city|lagos
lahore|latakia|la paz|las vegas|lima|lisbon|ljubljana|london|los angeles|luanda|lusaka
luxembourg|lyon|madrid|malmo|managua|manama|manchester|manila|marseille|mecca|medina
melbourne|mexico city|miami|milan|minsk|mogadishu|monrovia|montevideo|montreal|moscow
mosul|mumbai|munich|muscat|nairobi|naples|new delhi|new orleans|new york|nicosia|nouakchott
oslo|ottawa|paris|perth|philadelphia|phnom penh|phoenix|prague|pretoria|pyongyang|qamishli
quito|rabat|raqqa|ramallah|riga|rio de janeiro|riyadh|rome|sanaa|san diego|san francisco
santiago|sao paulo|sarajevo|seattle|seoul|shanghai|singapore|skopje|sochi|sofia|stockholm
st petersburg|st. petersburg|strasbourg|sydney|taipei|tallinn|tashkent|tbilisi|tehran
tel aviv|the hague|tirana|tokyo|toronto|tripoli|tunis|ulaanbaatar|vancouver|vatican city
vienna|vilnius|warsaw|washington|wellington|yangon|yerevan|zagreb|zurich
"""
PLACES = frozenset(p.strip() for p in _CITIES.replace("\n", "|").split("|") if p.strip())


def is_place(text: str) -> bool:
    """Whether ``text`` names a place of the gazetteer (optionally followed by its region)."""
    t = text.strip(" ,.:—–-").lower()
    if t in PLACES:
        return True
    head = t.split(",")[0].strip()
    return head in PLACES and len(t) <= len(head) + 25
