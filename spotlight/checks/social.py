"""The patterns of a social-media handle or profile address, which ``anonymisation.py`` makes
the rules ``anon-social`` of: a profile's address ("instagram.com/dazza_88", "@dazza_88"), and
a platform's name followed by a handle ("Snap: dazza_88", "IG dazza.88", "on TikTok as
nathan_c98"). A handle is told apart from a word by a digit, an underscore or a full stop
inside it; or by being set after a colon alone, at the end of its sentence ("Snapchat:
jaydenxx"). A person's name said as their profile's ("on Facebook as Kyle Brennan") is a
handle too.
"""

from __future__ import annotations

from . import name_lists

_PLATFORM = (r"(?:IG|FB|X|PSN|(?i:snapchat|snap|instagram|insta|tiktok|facebook|twitter|telegram"
             r"|whatsapp|discord|xbox|playstation|steam|threads|youtube|twitch|kik|reddit"
             r"|fortnite|roblox|minecraft|warzone|call[ \t]of[ \t]duty|fifa"
             r"|(?P<tagged>gamer[ \t]?tag)))")
_SOCIAL = (r"(?:facebook|fb|instagram|instagr\.am|twitter|x|tiktok|snapchat|linkedin|youtube"
           r"|threads|reddit|pinterest|twitch|onlyfans|telegram|t|wa|discord|tumblr|vk"
           r"|myspace|bsky|mastodon\.social)")

#: A profile's address, or a handle written with its @.
PROFILE = (
    rf"(?<![\w.@/-])(?:https?://)?(?:www\.|m\.|mobile\.)?{_SOCIAL}\.(?:com|me|net|app|co|tv"
    r"|social|gg|ru)/(?!(?:help|about|policies|legal|privacy|terms|hashtag|search)\b)"
    r"@?[\w.%-]{2,}[\w/?=&.%-]*"
    r"|(?<![\w.@/-])(?:https?://)?(?:www\.)?(?:linktr\.ee|lnk\.bio|beacons\.ai|bio\.link"
    r"|solo\.to|(?:vinted|depop|ebay|etsy)\.(?:co\.uk|com))/(?!(?:help|about|legal|privacy"
    r"|terms|search|catalog|how_it_works)\b)@?[\w.%-]{2,}[\w/?=&.%-]*"
    r"|(?<![\w.@/+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@.-]*\.\w)"
    r"(?![\w@-])")
PROFILE_NEEDS = ("@", ".com/", ".me/", ".net/", ".app/", ".co/", ".tv/", ".social/", ".gg/",
                 ".ru/", "instagr.am/", ".ee/", ".bio/", ".ai/", ".link/", ".to/", ".co.uk/")

#: Words said after "Snapchat:" that are no handle: "Snapchat: none", "Instagram: private",
#: "TikTok: their videos", words of the label itself ("Snapchat: username").
_NOT_HANDLES = (r"none|unknown|private|public|closed|active|inactive|daily|weekly|never|often"
                r"|sometimes|rarely|banned|hacked|unused|same|various|several|multiple|pending"
                r"|both|neither|either|also|only|offline|online|their|they|them|this|that|then"
                r"|than|there|these|those|from|with|into|onto|over|have|were|been|what|when"
                r"|where|which|while|will|would|could|should|some|more|most|many|much|each"
                r"|here|just|very|handle|username|name|account|profile|page|group|snap|insta"
                r"|reddit|steam|threads|tiktok|facebook|instagram|snapchat|twitter|not|known"
                r"|unclear|different|fake|false|new|old|offensive|inappropriate|similar"
                r"|important|irrelevant|relevant|childish|funny|obvious|simple|misleading"
                r"|a|an|the|his|her|its|still|now|gone|deleted|blocked|disabled")
#: A platform's name, then the handle on it: one with a digit, an underscore or a full stop
#: ("Snap: dazza_88", "posted on TikTok as nathan_c98"); after a platform's name (not IG, FB,
#: X or PSN, which label other things) and a colon, a lower-case word that ends its sentence
#: and is no common word ("Snapchat: jaydenxx", not "Instagram: posts, reels and stories" or
#: "Snapchat: blocked."); after "as",
#: "is" or a colon, a name ("on Facebook as Kyle Brennan", which ``handle_valid`` checks; not
#: an organisation's: "on Facebook as Grace Community Church").
HANDLE = (
    rf"(?<![\w-])(?:(?P<label>IG|FB|X|PSN)|{_PLATFORM})(?:[ \t]+(?i:(?P<named>user[ \t]?name"
    r"|handle|name|gamer[ \t]?tag|tag)|account|profile|id))?[ \t]*(?:(?P<said>is|was|as)"
    r"|(?P<colon>:)|-|=|,)?[ \t]*['\"“‘]?(?P<flag>@?[ \t]?"
    r"(?!\d+(?:st|nd|rd|th|s|am|pm|k|m|x)\b)(?=[A-Za-z0-9_.]*(?:\d|_|\.\w|#\d))"
    r"(?=[0-9_.]*[A-Za-z])[A-Za-z0-9_.]*[A-Za-z0-9_](?:#\d{4})?(?![\w@#-])"
    rf"|(?(label)(?!)|(?(colon)|(?(said)(?(named)|(?(tagged)|(?!)))|(?!))))"
    rf"(?!(?:{_NOT_HANDLES})\b|[a-z]*(?:ed|ing|ly|tion|sion|ment|ness|ity)\b)[a-z]{{4,30}}"
    r"(?=[.;!?)]?(?:[ \t]*(?:\n|$)|[ \t]+(?:and|or|but)[ \t])|[.!?,][ \t]+[A-Z]"
    r"|(?(named),|(?!))|(?(tagged),|(?!)))"
    r"|(?(said)|(?(colon)|(?!)))[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+(?![\w'’-]|[ \t]+[A-Z]))")
HANDLE_NEEDS = ("Snap", "snap", "Insta", "insta", "IG", "TikTok", "Tiktok", "tiktok", "Facebook",
                "facebook", "FB", "Twitter", "twitter", "X ", "X:", "Telegram", "telegram",
                "WhatsApp", "whatsapp", "Discord", "discord", "Xbox", "xbox", "PSN",
                "PlayStation", "Steam", "Threads", "YouTube", "youtube", "Twitch", "twitch", "Kik",
                "Reddit", "reddit", "Fortnite", "fortnite", "Roblox", "roblox", "Minecraft",
                "minecraft", "Warzone", "Call of Duty", "FIFA", "gamertag", "Gamertag",
                "gamer tag", "Gamer tag")
HANDLE_CLUES = ("snap", "insta", "tiktok", "facebook", "twitter", "telegram", "whatsapp",
                "discord", "xbox", "youtube", "twitch", "reddit", "fortnite", "roblox",
                "minecraft", "gamer")


def handle_valid(handle: str) -> bool:
    """False for two capitalised words after a platform's name that are no person's name:
    "Facebook as Youth Justice" (the first word is no common first name), "Facebook as Kyle
    Street"."""
    if " " not in handle or handle.startswith("@"):  # "@ KyleB92"
        return True
    first, last = handle.split(" ", 1)
    return first in name_lists.first_names() and last not in name_lists.not_surnames()


#: A what3words address, which pins a three-metre square: "what3words.com/filled.count.soap",
#: "///filled.count.soap", "w3w.co/filled.count.soap", "what3words: filled.count.soap".
WHAT3WORDS = (r"(?:(?<![\w.@/-])(?:https?://)?(?:www\.)?(?:what3words\.com|w3w\.co|map\.what3words"
              r"\.com)/+|(?<![\w/])///|(?i:what3words)(?:[ \t]+address)?(?:[ \t]+(?:is|was))?"
              r"[ \t]*:?[ \t]*(?:///)?)(?P<flag>[a-z]{2,}\.[a-z]{2,}\.[a-z]{2,})(?![\w-]|\.\w)")
WHAT3WORDS_NEEDS = ("///", "what3words", "What3words", "What3Words", "w3w.co/")
