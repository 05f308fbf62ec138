"""The patterns of a social-media handle or profile address, which ``anonymisation.py`` makes
the rules ``anon-social`` of: a profile's address ("instagram.com/dazza_88", "@dazza_88"), and
a platform's name followed by a handle ("Snap: dazza_88", "IG dazza.88"). A handle is told
apart from a word by a digit, an underscore or a full stop inside it.
"""

from __future__ import annotations

_PLATFORM = (r"(?:IG|FB|X|PSN|(?i:snapchat|snap|instagram|insta|tiktok|facebook|twitter|telegram"
             r"|whatsapp|discord|xbox|playstation|steam|threads|youtube|twitch|kik|reddit))")
_SOCIAL = (r"(?:facebook|fb|instagram|instagr\.am|twitter|x|tiktok|snapchat|linkedin|youtube"
           r"|threads|reddit|pinterest|twitch|onlyfans|telegram|t|wa|discord|tumblr|vk"
           r"|myspace|bsky|mastodon\.social)")

#: A profile's address, or a handle written with its @.
PROFILE = (
    rf"(?<![\w.@/-])(?:https?://)?(?:www\.|m\.|mobile\.)?{_SOCIAL}\.(?:com|me|net|app|co|tv"
    r"|social|gg|ru)/(?!(?:help|about|policies|legal|privacy|terms|hashtag|search)\b)"
    r"@?[\w.%-]{2,}[\w/?=&.%-]*"
    r"|(?<![\w.@/+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@.-]*\.\w)"
    r"(?![\w@-])")
PROFILE_NEEDS = ("@", ".com/", ".me/", ".net/", ".app/", ".co/", ".tv/", ".social/", ".gg/",
                 ".ru/", "instagr.am/")

#: A platform's name, then the handle on it.
HANDLE = (
    rf"(?<![\w-]){_PLATFORM}(?:[ \t]+(?i:user[ \t]?name|handle|name|account|profile|id"
    r"|tag))?[ \t]*(?:is|was|:|-|=)?[ \t]*['\"“‘]?(?P<flag>@?"
    r"(?=[A-Za-z0-9_.]*(?:\d|_|\.\w))(?=[0-9_.]*[A-Za-z])[A-Za-z0-9_.]*[A-Za-z0-9_])(?![\w@-])")
HANDLE_NEEDS = ("Snap", "snap", "Insta", "insta", "IG", "TikTok", "Tiktok", "tiktok", "Facebook",
                "facebook", "FB", "Twitter", "twitter", "X ", "X:", "Telegram", "telegram",
                "WhatsApp", "whatsapp", "Discord", "discord", "Xbox", "xbox", "PSN",
                "PlayStation", "Steam", "Threads", "YouTube", "youtube", "Twitch", "twitch", "Kik",
                "Reddit", "reddit")
HANDLE_CLUES = ("snap", "insta", "tiktok", "facebook", "twitter", "telegram", "whatsapp",
                "discord", "xbox", "youtube", "twitch", "reddit")
