#!/usr/bin/env python3
"""Deterministic benchmark corpus for medlint: clinic blog posts in Markdown.

Standard library only. The same --seed/--files/--size always gives byte-identical
output (per-file random streams seeded from strings, no hash randomisation, no clock).

    python3 bench/gen_corpus.py --seed 1 --files 2000 --size 20MB --out bench-out/corpus

writes

    OUT/content/<section>/<NNNNN>-<slug>.md   the posts
    OUT/manifest.tsv                          ground truth, one row per planted claim or look-alike
    OUT/summary.json                          arguments, byte and row counts

Posts carry YAML front matter, headings, paragraphs with emphasis and links, bullet and
numbered lists, GFM tables, fenced code blocks, HTML blocks and comments, blockquote
testimonials, footnotes, non-ASCII text (accents, curly quotes, em dashes, NBSP, BMP and
astral emoji, a little CJK), hard-wrapped paragraphs, and a few files with CRLF endings.

manifest.tsv (tab-separated, header line first):

    path        file path relative to OUT/content (the path medlint reports, relative)
    line        1-based line
    column      1-based UTF-16 column (what medlint's JSON `start.column` holds)
    end_line    line of the end of the phrase / span (exclusive end position)
    end_column  UTF-16 column of that end
    rule        medlint rule id expected there; for a look-alike, the comma-separated
                ids that must NOT report a finding starting inside the span
    kind        planted | lookalike
    context     where it sits: paragraph, strong, emph, link-text, list, quote, table,
                heading, front-matter, footnote, html, code-fence, code-inline, url,
                html-comment, negated, near-miss, cited, question
    flags       comma list or '-': wrapped (a line break inside the phrase), nbsp
                (U+00A0 inside the phrase), astral (a non-BMP character earlier on the
                line, so UTF-16 and code-point columns differ), crlf (file uses CRLF)
    text        the planted phrase, or the look-alike text (tabs/newlines as spaces)

A planted row is found when medlint reports `rule` starting exactly at line:column.
A look-alike row is a false alarm when medlint reports one of its rules starting at or
after line:column and before end_line:end_column.

Every template here was checked against the built-in rule pack: planted sentences avoid
the hedges and exceptions of their rule (no "most patients", no "?", no "lab results"),
and paragraphs holding claims that need a citation (statistics, "clinically proven",
success rates) get no links, footnote references or named sources.
"""

import argparse
import json
import os
import random
import re
import sys

GENERATOR = "medlint bench/gen_corpus.py v1"

# ---------------------------------------------------------------------------
# vocabulary: section -> (procedures, conditions, label, emoji)
# procedures are things done to a patient (they satisfy "procedure context" rules)
# ---------------------------------------------------------------------------
SECTIONS = {
    "dental": (["dental implants", "teeth whitening", "root canal treatment", "porcelain veneers",
                "wisdom tooth extraction", "clear aligner treatment"],
               ["gum disease", "tooth sensitivity", "missing teeth", "jaw pain", "bruxism"],
               "Dental", "\U0001F9B7"),
    "dermatology": (["Mohs surgery", "laser resurfacing", "chemical peels", "IPL photofacials",
                     "cryotherapy for warts"],
                    ["rosacea", "eczema", "psoriasis", "melasma", "acne scars"],
                    "Dermatology", "\U0001F9F4"),
    "medspa": (["Botox\u00ae injections", "dermal fillers", "microneedling", "laser hair removal",
                "CoolSculpting\u00ae sessions", "hydrafacials"],
               ["fine lines", "wrinkles", "unwanted hair", "sun damage", "stubborn fat"],
               "Med Spa", "\u2728"),
    "pain": (["facet joint injections", "epidural steroid injections", "radiofrequency ablation",
              "nerve blocks", "trigger point injections"],
             ["sciatica", "lower back pain", "neck pain", "arthritis", "neuropathy"],
             "Pain Medicine", "\U0001F489"),
    "chiropractic": (["spinal adjustments", "spinal decompression", "shockwave therapy",
                      "dry needling", "sports massage"],
                     ["sciatica", "tension headaches", "herniated discs", "whiplash"],
                     "Chiropractic", "\U0001F9B4"),
    "weight-loss": (["medical weight loss programs", "gastric sleeve surgery", "GLP-1 treatment",
                     "nutrition coaching"],
                    ["obesity", "prediabetes", "high blood pressure", "fatty liver"],
                    "Weight Loss", "\U0001F957"),
    "vision": (["LASIK", "cataract surgery", "PRK", "implantable lenses"],
               ["myopia", "astigmatism", "presbyopia", "dry eye"],
               "Vision", "\U0001F441\ufe0f"),
    "sleep": (["oral appliance therapy", "CPAP therapy", "Inspire\u00ae implant surgery"],
              ["sleep apnea", "snoring", "insomnia"],
              "Sleep", "\U0001F634"),
    "fertility": (["IVF", "egg freezing", "IUI", "ovarian stimulation"],
                  ["infertility", "PCOS", "endometriosis"],
                  "Fertility", "\U0001F476"),
    "vein": (["sclerotherapy", "endovenous laser ablation", "VenaSeal\u2122 closure"],
             ["varicose veins", "spider veins", "leg swelling"],
             "Vein Care", "\U0001F9B5"),
    "hair": (["FUE hair transplants", "PRP for hair loss", "scalp micropigmentation"],
             ["hair loss", "thinning hair", "alopecia"],
             "Hair Restoration", "\U0001F487\u200d\u2642\ufe0f"),
}
SECTION_KEYS = sorted(SECTIONS)

PRACTICE_A = ["Northgate", "Lumi\u00e8re", "Fj\u00f6rd", "Ca\u00f1ada", "Silverpine", "Sol y Mar",
              "Greystone", "B\u00e4renwald", "Seaview", "Ma\u00efa", "Oakhurst", "Z\u00e9phyr",
              "Riverside", "\u00c5sgard", "Copperleaf"]
PRACTICE_B = ["Clinic", "Health", "Medical", "Studio", "Centre", "Specialists", "Associates"]
CITIES = ["Austin", "Montr\u00e9al", "Bogot\u00e1", "G\u00f6teborg", "Sevilla", "M\u00fcnchen",
          "Reykjav\u00edk", "Portland", "Raleigh", "Pozna\u0144", "\u0130zmir", "Lisboa",
          "San Jos\u00e9", "\u00c5rhus", "Boise", "Tulsa", "Tromsø"]
CLINICIANS = ["Dr. Ana Lu\u00edsa Prado", "Dr. Bj\u00f6rn Eklund", "Dr. C\u00e9line Marchand",
              "Dr. D\u0101vis Ozols", "Dr. Esra \u00c7elik", "Dr. Femi Adebayo", "Dr. Grace Liu",
              "Dr. H\u00e9l\u00e8ne Faure", "Dr. Ignacio Ord\u00f3\u00f1ez", "Dr. Jo\u00e3o Ribeiro",
              "Dr. Kateryna Bondar", "Dr. Liam O\u2019Shea", "Dr. Mari Tanaka", "Dr. Nils S\u00f8rensen"]
PATIENTS = ["Ines", "Marco", "Sakura", "Chidi", "Ren\u00e9e", "Oskar", "Fatima", "Pablo",
            "Ingrid", "Aoife", "Tom\u00e1\u0161", "Leila"]
EMOJI_BMP = ["\u2705", "\u2b50", "\u2764\ufe0f", "\u260e\ufe0f", "\u2600\ufe0f", "\u2714\ufe0f"]
EMOJI_ASTRAL = ["\U0001F60A", "\U0001F4C5", "\U0001F449", "\U0001F389", "\U0001F4DE",
                "\U0001F469\u200d\u2695\ufe0f", "\U0001F64C\U0001F3FD"]

# neutral prose: no claims, no hedged claims, nothing a citation rule could count as a source
NEUTRAL = [
    "{K} has offered {t} in {y} since {yr}.",
    "{T} is one option for adults with {c}, and your clinician will talk through the others.",
    "Your first visit lasts about {m}\u00a0minutes \u2014 we go over your history, your medicines and your goals.",
    "We\u2019ll explain what {t} involves, what it costs and what the alternatives are.",
    "Bring a list of the medicines you take, including vitamins and herbal products.",
    "Our {y} office opens at 8:00 on weekdays and at 9:30 on Saturdays.",
    "Parking is free behind the building; look for the green door.",
    "Prices for {t} start at {cur}{p} per session, depending on the area treated.",
    "Please arrive ten minutes early so we can finish the paperwork.",
    "{D} trained in {y} and has worked in {spec} for {n} years.",
    "After {t}, keep the area clean and skip the gym for {n} days.",
    "Follow-up visits are booked {n}\u2013{n2} weeks after treatment.",
    "We speak English, Espa\u00f1ol, Fran\u00e7ais and Portugu\u00eas at the front desk.",
    "The clinic is step-free, and there is a quiet room if the waiting area feels busy.",
    "Children under 16 need a parent or guardian at the appointment.",
    "Store your aftercare gel below 25\u00a0\u00b0C and away from direct sunlight.",
    "Doses are written in mg or \u00b5g on your care plan, so check the units.",
    "A consultation costs \u00a3{p} or \u20ac{p2} and is credited toward treatment.",
    "\u201cWhat happens next?\u201d is the question we hear most, so here is the plan.",
    "Side effects can include redness, swelling or {risk}, and we will go through them with you.",
    "Like any medical procedure, {t} has risks, including infection and {risk}.",
    "Talk to your own doctor before you start a new treatment for {c}.",
    "This page is general information, not medical advice.",
    "You can reach the care team by phone or through the patient portal{e}",
    "We send a text reminder 48\u00a0hours before each visit{e}",
    "Your clinician may suggest imaging or blood work before {t}.",
    "People with {c} often try several approaches before they find one that fits.",
    "We accept HSA and FSA cards and most major insurers.",
    "Our team reviews its protocols every year against current guidelines.",
    "Wear loose, comfortable clothing on the day.",
    "Nous parlons fran\u00e7ais \u2014 \u6211\u4eec\u4e5f\u8bf4\u4e2d\u6587 \u2014 and an interpreter can join by video.",
    "The {y} team includes two nurses, a coordinator and {D}.",
    "Plan for a driver if you receive sedation.",
    "Write your questions down before the visit \u2026 it helps.",
    "Stop smoking at least two weeks before {t} if you can.",
]
HEADINGS = ["What is {t}?", "Who is a good candidate for {t}?", "What to expect on the day",
            "Recovery and aftercare", "Costs and insurance", "Risks and side effects",
            "Why patients choose {K}", "Meet {D}", "Frequently asked questions",
            "How {t} fits into treatment for {c}", "Before your appointment",
            "Living with {c}", "{T} in {y}: our approach", "Booking and cancellations"]
TITLES = ["{T} in {y}: a patient guide", "What to know before {t}", "{T}, explained",
          "Is {t} right for you?", "How {K} treats {c}", "{T}: costs, recovery and results",
          "Questions about {t}, answered"]
DISCLAIMER = ["*This article is general information and does not replace advice from your own clinician.*",
              "_Talk to your doctor about the risks and benefits of any treatment._",
              "**Note:** reviewed by {D}; not medical advice."]
RISKS = ["bruising", "temporary numbness", "swelling", "infection", "scarring", "soreness"]
SPECS = ["dermatology", "pain medicine", "dentistry", "ophthalmology", "sleep medicine", "sports medicine"]

# ---------------------------------------------------------------------------
# planted claims: rule -> [(before, phrase, after)]; the finding starts at the phrase.
# `cite` rules need a citation in their paragraph, so their paragraph stays link-free.
# ---------------------------------------------------------------------------
CLAIMS = {
    "painless-claim": [
        ("Each {t} session is ", "completely painless", " from start to finish."),
        ("Thanks to our numbing technique, the procedure is ", "painless", "."),
        ("During the procedure you will ", "not feel a thing", "."),
        ("With our gentle injection technique, you ", "won\u2019t feel a thing", "."),
        ("Each {t} session is ", "pain-free", " thanks to our cooling tips."),
        ("We offer ", "100% painless", " {t} sessions for nervous patients."),
        ("Our {t} treatment is ", "totally pain free", ", even for first-timers."),
    ],
    "guaranteed-outcome": [
        ("We offer ", "guaranteed results", " with every {t} plan."),
        ("", "Results are guaranteed", " for every {t} patient."),
        ("Every {t} package comes with a ", "money-back guarantee", "."),
        ("Our {t} ", "works for everyone", "."),
        ("", "Say goodbye to wrinkles", " with {t}."),
        ("{K} offers ", "100% satisfaction guaranteed", " on {t}."),
    ],
    "safety-absolute": [
        ("{T} is ", "100% safe", " for all skin types."),
        ("Our {t} is ", "completely safe", " and well tolerated."),
        ("{T} is ", "risk-free", " for healthy adults."),
        ("There is ", "zero risk", " with {t}."),
        ("", "Harmless", " and gentle, {t} suits everyone."),
        ("Our approach to {t} is ", "absolutely safe", "."),
    ],
    "unsourced-statistic": [
        ("", "1 in 3 adults", " will develop {c} at some point."),
        ("", "Nearly half of adults", " over 40 live with {c}."),
        ("", "About 40% of women", " notice {c} by age 50."),
        ("", "Over 25 million Americans", " have {c}."),
        ("Did you know that ", "two out of five people", " with {c} never see a specialist."),
    ],
    "cure-claim": [
        ("{T} ", "cures", " {c} for good."),
        ("Our protocol is a ", "cure for {c}", "."),
        ("Patients tell us {t} ", "cured", " their {c}."),
        ("Finally, a ", "permanent fix", " for {c}."),
    ],
    "fda-status-misuse": [
        ("Our cold laser is ", "FDA certified", "."),
        ("We use an ", "FDA-registered", " device for every {t} session."),
        ("An ", "FDA-approved procedure", " for lasting relief from {c}."),
        ("Our vitamin supplements are ", "FDA approved", "."),
    ],
    "instant-results": [
        ("Enjoy ", "instant results", " with {t}."),
        ("Expect ", "immediate relief", " after your {t} visit."),
        ("{T} delivers ", "overnight results", "."),
        ("Book {t} and ", "see results immediately", "."),
    ],
    "urgency-pressure": [
        ("", "Act now", " \u2014 {t} appointments are going quickly."),
        ("This ", "limited-time offer", " on {t} is for new patients."),
        ("", "Only 3 spots left", " this month for {t}."),
        ("Book your {t} consultation ", "before prices go up", " in spring."),
        ("", "Last chance", " to claim the {t} special."),
    ],
    "no-downtime": [
        ("{T} involves ", "no downtime", " at all."),
        ("", "Zero downtime", ": you can drive home after {t}."),
    ],
    "superlative-claim": [
        ("{K} is the ", "best clinic", " in {y}."),
        ("Voted the ", "#1", " {spec} practice in {y}."),
        ("Our team offers ", "unmatched", " care for {c}."),
        ("Meet the ", "most experienced", " {t} team in {y}."),
    ],
    "no-side-effects": [
        ("Our {t} has ", "no side effects", "."),
    ],
    "establishment-claim": [
        ("Our {t} is ", "clinically proven", " to work."),
        ("", "Studies show", " that {t} helps with {c}."),
    ],
    "success-rate-unsourced": [
        ("Our {t} program has a ", "98% success rate", "."),
        ("{K} reports a ", "97% satisfaction rate", " for {t}."),
    ],
}
CITE_RULES = {"unsourced-statistic", "establishment-claim", "success-rate-unsourced"}
# contexts a rule is not meant for (rule scope) or where a claim would read oddly
NOT_IN = {
    "unsourced-statistic": {"heading", "front-matter", "link-text"},
    "establishment-claim": {"heading", "link-text"},
    "success-rate-unsourced": {"heading", "link-text"},
}
# relative weights, roughly how often each shows up in real clinic copy
RULE_WEIGHT = {
    "painless-claim": 10, "guaranteed-outcome": 8, "safety-absolute": 8, "unsourced-statistic": 8,
    "cure-claim": 6, "fda-status-misuse": 5, "instant-results": 6, "urgency-pressure": 6,
    "no-downtime": 4, "superlative-claim": 6, "no-side-effects": 3, "establishment-claim": 4,
    "success-rate-unsourced": 3,
}
RULES = sorted(CLAIMS)
RULE_CUM = []
_acc = 0
for _r in RULES:
    _acc += RULE_WEIGHT[_r]
    RULE_CUM.append(_acc)

# ---------------------------------------------------------------------------
# clean look-alikes: (rules that must stay silent, context, sentence)
# ---------------------------------------------------------------------------
LOOKALIKES = [
    ("painless-claim", "negated", "No injection is completely painless, but we keep you as comfortable as we can."),
    ("painless-claim", "negated", "We can\u2019t promise that {t} is pain-free, but we numb the area first."),
    ("painless-claim", "negated", "Some patients feel mild discomfort during {t}."),
    ("painless-claim", "question", "Is {t} painless?"),
    ("painless-claim", "near-miss", "Our pain management team works closely with your GP."),
    ("guaranteed-outcome", "negated", "No clinic can guarantee results, and yours will be individual."),
    ("guaranteed-outcome", "negated", "Results vary and are not guaranteed."),
    ("guaranteed-outcome", "near-miss", "We guarantee same-day appointments for new patients."),
    ("guaranteed-outcome", "near-miss", "Our price guarantee means the quoted fee is what you pay."),
    ("safety-absolute", "negated", "No procedure is completely safe, so we explain the risks first."),
    ("safety-absolute", "near-miss", "Book a risk-free consultation with our team."),
    ("safety-absolute", "near-miss", "We keep our clinic a safe space for everyone."),
    ("cure-claim", "negated", "There is no cure for {c}, but symptoms can be managed."),
    ("cure-claim", "negated", "Researchers are still searching for a cure for {c}."),
    ("cure-claim", "near-miss", "After a trip to Spain, she booked a manicure and a pedicure."),
    ("cure-claim", "near-miss", "We procure our implants from certified suppliers, and curettage is rarely needed."),
    ("fda-status-misuse", "negated", "Compounded medications are not FDA-approved."),
    ("fda-status-misuse", "negated", "The FDA has not evaluated these statements."),
    ("fda-status-misuse", "near-miss", "Botox Cosmetic is FDA-approved for frown lines in adults."),
    ("instant-results", "negated", "Botox is not an instant fix; results appear over 7 to 14 days."),
    ("instant-results", "near-miss", "Your lab results are usually ready the same day."),
    ("urgency-pressure", "near-miss", "Act quickly to treat a dental abscess, because infections can spread."),
    ("urgency-pressure", "negated", "There is no need to hurry your decision; take your time to compare options."),
    ("urgency-pressure", "near-miss", "Call today to schedule your consultation."),
    ("urgency-pressure,establishment-claim", "near-miss", "Limited research supports the use of PRP for this condition."),
    ("no-downtime", "negated", "Most people need little downtime, though some bruising is common."),
    ("no-downtime", "negated", "Expect some swelling; plan for a few days of downtime."),
    ("superlative-claim", "near-miss", "We always do our best to see you on time."),
    ("superlative-claim", "near-miss", "For best results, avoid the sun for a week."),
    ("superlative-claim", "near-miss", "Our best practices are published on the patient page."),
    ("no-side-effects", "near-miss", "Tell us about any side effects you notice."),
    ("no-side-effects", "negated", "Side effects are usually mild and short-lived."),
    ("establishment-claim", "negated", "PRP has not been clinically proven for hair loss."),
    ("unsourced-statistic", "near-miss", "Save 20% on your first peel this month."),
]
# the ones that may share a paragraph with a claim that needs a citation ("FDA" is a named source)
SAFE_LOOKALIKES = [x for x in LOOKALIKES if "FDA" not in x[2]]
# statistics with a citation in the same paragraph (the whole sentence is the span)
CITED = [
    ("unsourced-statistic", "About 1 in 3 adults have {c} (Eke, 2018)."),
    ("unsourced-statistic", "According to the National Institutes of Health, nearly half of adults over 30 have {c}."),
    ("unsourced-statistic", "Over 25 million Americans have {c}, according to the [CDC](https://www.cdc.gov/{slugc})."),
    ("success-rate-unsourced", "{T} has a 95% success rate, based on our 2023 audit of 412 cases."),
    ("establishment-claim", "A 2019 trial published in the Journal of Clinical Medicine found that {t} reduced symptoms of {c}."),
]
# claims that sit where no prose rule should read them
CODE_CLAIMS = [("painless-claim", "completely painless"), ("guaranteed-outcome", "guaranteed results"),
               ("safety-absolute", "100% safe"), ("instant-results", "instant results"),
               ("cure-claim", "cures {c}"), ("urgency-pressure", "limited-time offer"),
               ("no-downtime", "no downtime"), ("fda-status-misuse", "FDA certified")]
SLUGS = [("guaranteed-outcome", "guaranteed-results"), ("painless-claim", "painless-{slugt}"),
         ("instant-results", "instant-results"), ("safety-absolute", "100-percent-safe"),
         ("no-downtime", "no-downtime-{slugt}"), ("cure-claim", "cure-for-{slugc}")]


def slugify(s):
    out = []
    for ch in s.lower():
        if ("a" <= ch <= "z") or ("0" <= ch <= "9"):
            out.append(ch)
        elif ch in " -/":
            out.append("-")
    return re.sub("-+", "-", "".join(out)).strip("-")[:50] or "post"


def u16len(s):
    if s.isascii():
        return len(s)
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def has_astral(s):
    return not s.isascii() and any(ord(ch) > 0xFFFF for ch in s)


class Post:
    """One Markdown file as a list of blocks. A block is (text, marks); a mark is
    [start, end, rule, kind, context, flags, text] with offsets relative to the block."""

    def __init__(self, rng, section, density, wrap):
        self.r = rng
        self.section = section
        self.procs, self.conds, self.label, self.emoji = SECTIONS[section]
        self.density = density          # chance that a sentence slot is a planted claim
        self.wrap_width = wrap
        self.practice = "%s %s %s" % (rng.choice(PRACTICE_A), self.label, rng.choice(PRACTICE_B))
        self.city = rng.choice(CITIES)
        self.clinician = rng.choice(CLINICIANS)
        self.domain = slugify(self.practice).replace("-", "") + ".example"
        self.blocks = []
        self.size = 0
        self.footnote_refs = []
        self.headings = None

    # -- filling templates -------------------------------------------------
    def fill(self, tpl):
        if "{" not in tpl:
            return tpl
        r = self.r
        t = r.choice(self.procs)
        c = r.choice(self.conds)
        vals = {
            "t": t, "T": t[0].upper() + t[1:], "c": c, "K": self.practice, "y": self.city,
            "D": self.clinician, "n": r.randint(2, 12), "n2": r.randint(3, 16),
            "m": r.choice((20, 30, 45, 60)), "p": r.choice((60, 95, 150, 240, 480, 1250)),
            "p2": r.choice((70, 110, 280, 560)), "cur": r.choice(("$", "\u20ac", "\u00a3", "CHF\u00a0")),
            "yr": r.randint(1994, 2021), "risk": r.choice(RISKS), "spec": r.choice(SPECS),
            "slugt": slugify(t), "slugc": slugify(c),
            "e": r.choice((".", ". " + r.choice(EMOJI_ASTRAL), ". " + r.choice(EMOJI_BMP), "!")),
        }
        return tpl.format(**vals)

    def pick_rule(self, ctx, avoid=()):
        for _ in range(20):
            x = self.r.randrange(RULE_CUM[-1])
            for rule, cum in zip(RULES, RULE_CUM):
                if x < cum:
                    break
            if ctx not in NOT_IN.get(rule, ()) and rule not in avoid:
                return rule
        return "guaranteed-outcome"

    def claim(self, ctx, rule=None, deco=True, links=True):
        """A planted claim sentence: (text, mark); the mark's offsets are relative to it."""
        r = self.r
        rule = rule or self.pick_rule(ctx)
        before, phrase, after = r.choice(CLAIMS[rule])
        before, phrase, after = self.fill(before), self.fill(phrase), self.fill(after)
        flags = []
        if " " in phrase and r.random() < 0.06:
            i = phrase.index(" ")
            phrase = phrase[:i] + "\u00a0" + phrase[i + 1:]
            flags.append("nbsp")
        open_, close, c2 = "", "", ctx
        if deco and ctx == "paragraph":
            x = r.random()
            if x < 0.08:
                open_ = close = "**"
                c2 = "strong"
            elif x < 0.14:
                open_ = close = r.choice(("*", "_"))
                c2 = "emph"
            elif x < 0.19 and links and rule not in CITE_RULES:
                open_ = "["
                close = "](https://%s/%s)" % (self.domain, r.choice(("offers", "book", "faq")))
                c2 = "link-text"
        text = before + open_ + phrase + close + after
        start = len(before) + len(open_)
        return text, [start, start + len(phrase), rule, "planted", c2, flags, phrase]

    def lookalike(self, safe=False):
        rules, c2, tpl = self.r.choice(SAFE_LOOKALIKES if safe else LOOKALIKES)
        s = self.fill(tpl)
        return s, [0, len(s), rules, "lookalike", c2, [], s]

    def neutral(self):
        return self.fill(self.r.choice(NEUTRAL))

    def sentences(self, n, ctx):
        """n sentences of one paragraph: (text, marks, holds_a_claim_that_needs_a_citation).
        A paragraph with such a claim gets nothing a citation rule could count as a source."""
        r = self.r
        kinds = []
        for _ in range(n):
            x = r.random()
            kinds.append(self.pick_rule(ctx) if x < self.density else
                         "?" if x < self.density + 0.035 else "")
        cite_claim = any(k in CITE_RULES for k in kinds)
        parts, marks, pos = [], [], 0
        for k in kinds:
            if parts:
                parts.append(" ")
                pos += 1
            if k == "?":
                s, m = self.lookalike(safe=cite_claim)
            elif k:
                if cite_claim and k == "fda-status-misuse":   # "FDA" reads as a named source
                    k = self.pick_rule(ctx, avoid=("fda-status-misuse",))
                s, m = self.claim(ctx, k, links=not cite_claim)
            else:
                s, m = self.neutral(), None
            if m:
                m[0] += pos
                m[1] += pos
                marks.append(m)
            parts.append(s)
            pos += len(s)
        text = "".join(parts)
        if not cite_claim and r.random() < 0.2:
            # a link at the end of the paragraph; sometimes its URL slug looks like a claim
            if r.random() < 0.35:
                rule, slug = r.choice(SLUGS)
                slug = self.fill(slug)
                pre = text + " [Read more](https://%s/" % self.domain
                marks.append([len(pre), len(pre) + len(slug), rule, "lookalike", "url", [], slug])
                text = pre + slug + ")."
            else:
                page = r.choice(("faq", "pricing", "aftercare"))
                text += " See [our %s page](https://%s/%s)." % (page, self.domain, page)
        if not cite_claim and r.random() < 0.05:
            rule, phrase = r.choice(CODE_CLAIMS)
            phrase = self.fill(phrase)
            pre = text + " Style note: avoid the phrase `"
            marks.append([len(pre), len(pre) + len(phrase), rule, "lookalike", "code-inline", [], phrase])
            text = pre + phrase + "` in ads."
        return text, marks, cite_claim

    # -- blocks ----------------------------------------------------------------
    def add(self, text, marks=()):
        self.blocks.append((text, list(marks)))
        self.size += len(text) + 2

    def wrap(self, text):
        """Hard-wrap by turning spaces into newlines (offsets stay the same). Breaks only
        before a word starting with a letter, so no wrapped line can start a new block."""
        w = self.wrap_width
        if not w or len(text) <= w:
            return text
        out = list(text)
        col = 0
        last_space = -1
        for i, ch in enumerate(text):
            if ch == " " and i + 1 < len(text) and text[i + 1].isalpha():
                last_space = i
            col += 1
            if col > w and last_space >= 0:
                out[last_space] = "\n"
                col = i - last_space
                last_space = -1
        return "".join(out)

    def paragraph(self):
        r = self.r
        text, marks, cite_claim = self.sentences(r.randint(2, 6), "paragraph")
        if self.footnote_refs is not None and not cite_claim and r.random() < 0.12:
            n = len(self.footnote_refs) + 1
            self.footnote_refs.append(n)
            text += "[^%d]" % n
        self.add(self.wrap(text), marks)

    def cited_paragraph(self):
        rules, tpl = self.r.choice(CITED)
        s = self.fill(tpl)
        text = self.neutral() + " "
        m = [len(text), len(text) + len(s), rules, "lookalike", "cited", [], s]
        self.add(text + s, [m])

    def list_block(self):
        r = self.r
        ordered = r.random() < 0.35
        bullet = r.choice(("- ", "* ", "+ "))
        lines, marks, pos = [], [], 0
        for i in range(r.randint(3, 7)):
            lead = ("%d. " % (i + 1)) if ordered else bullet
            if r.random() < 0.15:
                lead += r.choice(EMOJI_ASTRAL + EMOJI_BMP) + " "
            x = r.random()
            if x < self.density * 1.5:
                s, m = self.claim("list")
            elif x < self.density * 1.5 + 0.04:
                s, m = self.lookalike()
            else:
                s, m = self.neutral(), None
            if m:
                m[0] += pos + len(lead)
                m[1] += pos + len(lead)
                marks.append(m)
            line = lead + s
            lines.append(line)
            pos += len(line) + 1
        self.add("\n".join(lines), marks)

    def quote(self):
        r = self.r
        who = "%s %s." % (r.choice(PATIENTS), chr(65 + r.randrange(26)))
        head = "> \u201c"
        if r.random() < self.density * 5:
            s, m = self.claim("quote")
            marks = [[m[0] + len(head), m[1] + len(head)] + m[2:]]
        else:
            s, marks = "The whole team was kind and explained every step.", []
        text = head + s + "\u201d\n>\n> \u2014 " + who + (" " + r.choice(EMOJI_ASTRAL) if r.random() < 0.3 else "")
        self.add(text, marks)

    def table(self):
        r = self.r
        head = "| Treatment | Sessions | Notes |\n|:--|:-:|--|"
        rows, marks = [head], []
        pos = len(head) + 1
        for t in r.sample(self.procs, min(len(self.procs), r.randint(2, 4))):
            lead = "| %s | %d\u2013%d | " % (t, r.randint(1, 3), r.randint(4, 8))
            x = r.random()
            if x < self.density * 4:
                s, m = self.claim("table")
            elif x < self.density * 4 + 0.08:
                s, m = self.lookalike()
            else:
                s, m = self.fill(r.choice(("Usually {n} days of rest.", "From {cur}{p}.", "Numbing cream available.",
                                            "Ask about package pricing{e}"))), None
            s = s.replace("|", "/")
            if m:
                m[0] += pos + len(lead)
                m[1] += pos + len(lead)
                marks.append(m)
            line = lead + s + " |"
            rows.append(line)
            pos += len(line) + 1
        self.add("\n".join(rows), marks)

    def code(self):
        r = self.r
        rule, phrase = r.choice(CODE_CLAIMS)
        phrase = self.fill(phrase)
        if r.random() < 0.5:
            pre = ('```json\n{\n  "@context": "https://schema.org",\n  "@type": "MedicalClinic",\n'
                   '  "name": "%s",\n  "slogan": "' % self.practice)
            text = pre + phrase + '",\n  "areaServed": "%s"\n}\n```' % self.city
        else:
            pre = "```text\nAd copy we rejected in review: \u201c"
            text = pre + phrase + "\u201d\n```"
        self.add(text, [[len(pre), len(pre) + len(phrase), rule, "lookalike", "code-fence", [], phrase]])

    def html(self):
        r = self.r
        x = r.random()
        if x < self.density * 4:
            pre = '<div class="cta">\n'
            s, m = self.claim("html", deco=False)
            self.add(pre + s + "\n</div>", [[m[0] + len(pre), m[1] + len(pre)] + m[2:]])
        elif x < 0.5:
            rule, phrase = r.choice(CODE_CLAIMS)
            phrase = self.fill(phrase)
            pre = "<!-- legal: remove \u201c"
            self.add(pre + phrase + "\u201d before publishing -->",
                     [[len(pre), len(pre) + len(phrase), rule, "lookalike", "html-comment", [], phrase]])
        else:
            self.add('<div class="cta">\n  Call us %s (555) 010-0%03d\n</div>' % (r.choice(EMOJI_ASTRAL), r.randrange(1000)))

    def heading(self, level):
        r = self.r
        hashes = "#" * level + " "
        if r.random() < self.density * 1.2:
            s, m = self.claim("heading", deco=False)
            s = s.rstrip(".")
            self.add(hashes + s, [[m[0] + len(hashes), m[1] + len(hashes)] + m[2:]])
            return
        if not self.headings:
            self.headings = HEADINGS[:]
            r.shuffle(self.headings)
        self.add(hashes + self.fill(self.headings.pop()))

    def front_matter(self, title):
        r = self.r
        pre = "---\ntitle: \"%s\"\ndate: %04d-%02d-%02d\nauthor: \"%s\"\ntags: [%s, %s]\ndescription: \"" % (
            title.replace('"', "'"), r.randint(2018, 2026), r.randint(1, 12), r.randint(1, 28),
            self.clinician, self.section, slugify(r.choice(self.conds)))
        marks = []
        if r.random() < self.density * 4:
            s, m = self.claim("front-matter", deco=False)
            marks.append([m[0] + len(pre), m[1] + len(pre)] + m[2:])
        else:
            s = self.neutral()
        s = s.replace('"', "'").replace("\\", "/")
        self.add(pre + s + "\"\ndraft: %s\n---" % ("true" if r.random() < 0.05 else "false"), marks)

    def build(self, target):
        r = self.r
        title = self.fill(r.choice(TITLES))
        title = title[0].upper() + title[1:]
        self.title = title
        if r.random() < 0.92:
            self.front_matter(title)
        self.add("# " + title + (" " + self.emoji if r.random() < 0.3 else ""))
        if r.random() < 0.6:
            self.footnote_refs = None   # most posts have no footnotes
        self.paragraph()
        code_left, table_left = r.random() < 0.3, r.random() < 0.7
        sections = 0
        while self.size < target and sections < 500:
            sections += 1
            self.heading(2)
            for _ in range(r.randint(1, 3)):
                self.paragraph()
            x = r.random()
            if x < 0.30:
                self.list_block()
            elif x < 0.40 and table_left:
                self.table()
                table_left = False
            elif x < 0.52:
                self.quote()
            elif x < 0.60 and code_left:
                self.code()
                code_left = False
            elif x < 0.70:
                self.html()
            elif x < 0.78:
                self.cited_paragraph()
            if r.random() < 0.15:
                self.heading(3)
                self.paragraph()
        for n in self.footnote_refs or ():
            pre = "[^%d]: " % n
            if r.random() < self.density * 3:
                s, m = self.claim("footnote", deco=False)
                self.add(pre + s, [[m[0] + len(pre), m[1] + len(pre)] + m[2:]])
            else:
                c = r.choice(self.conds)
                self.add(pre + "Patient leaflet on %s, %d. https://%s/leaflets/%s" % (
                    c, r.randint(2015, 2025), self.domain, slugify(c)))
        self.add(self.fill(r.choice(DISCLAIMER)))

    def render(self, crlf):
        """(bytes, rows) with rows (line, col, end_line, end_col, rule, kind, ctx, flags, text)."""
        doc = "\n\n".join(b[0] for b in self.blocks) + "\n"
        rows = []
        base = 0
        line_starts = None
        for text, marks in self.blocks:
            for start, end, rule, kind, ctx, flags, phrase in marks:
                assert text[start:end].replace("\n", " ") == phrase.replace("\n", " "), (text[start:end], phrase)
                if line_starts is None:
                    line_starts = [0] + [i + 1 for i, ch in enumerate(doc) if ch == "\n"]
                a, b = base + start, base + end
                la = _line_of(line_starts, a)
                lb = _line_of(line_starts, b)
                ca = u16len(doc[line_starts[la]:a]) + 1
                cb = u16len(doc[line_starts[lb]:b]) + 1
                fl = list(flags)
                if lb != la:
                    fl.append("wrapped")
                if has_astral(doc[line_starts[la]:a]):
                    fl.append("astral")
                if crlf:
                    fl.append("crlf")
                rows.append((la + 1, ca, lb + 1, cb, rule, kind, ctx, ",".join(fl) or "-",
                             re.sub(r"[\t\n\r]", " ", phrase.replace("\u00a0", " "))))
            base += len(text) + 2
        if crlf:
            doc = doc.replace("\n", "\r\n")
        return doc.encode("utf-8"), rows


def _line_of(starts, off):
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= off:
            lo = mid
        else:
            hi = mid - 1
    return lo


def parse_size(s):
    m = re.fullmatch(r"\s*([\d.]+)\s*([kKmMgG]?)[iI]?[bB]?\s*", s)
    if not m:
        raise argparse.ArgumentTypeError("a size like 20MB, 500k, 1G or a byte count")
    return int(float(m.group(1)) * {"": 1, "k": 1e3, "m": 1e6, "g": 1e9}[m.group(2).lower()])


def main(argv=None):
    ap = argparse.ArgumentParser(description="Deterministic Markdown corpus with planted claims for the medlint bench.")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--size", type=parse_size, default=parse_size("20MB"), help="total bytes, e.g. 20MB, 200MB (decimal)")
    ap.add_argument("--density", type=float, default=0.045, help="chance that a prose sentence is a planted claim")
    ap.add_argument("--clean", type=float, default=0.25, help="fraction of posts with no planted claims (look-alikes only)")
    ap.add_argument("--crlf", type=float, default=0.03, help="fraction of posts with CRLF line endings")
    ap.add_argument("--out", required=True, help="output directory (must be empty or absent)")
    a = ap.parse_args(argv)
    if a.files < 1:
        ap.error("--files must be at least 1")
    if os.path.isdir(a.out) and os.listdir(a.out):
        ap.error("output directory %s is not empty" % a.out)
    content = os.path.join(a.out, "content")
    os.makedirs(content, exist_ok=True)

    # per-file targets: a skewed spread (many short posts, a few long ones) scaled to --size;
    # `ratio` (bytes written / bytes asked so far) corrects for the last block's overshoot
    sizer = random.Random("sizes:%d:%d" % (a.seed, a.files))
    weights = [min(6.0, sizer.lognormvariate(0.0, 0.55)) for _ in range(a.files)]
    scale = a.size / sum(weights)
    total = 0
    asked = 0.0
    counts = {"planted": {}, "lookalike": {}}
    contexts = {"planted": {}, "lookalike": {}}
    made = set()
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as mf:
        mf.write("path\tline\tcolumn\tend_line\tend_column\trule\tkind\tcontext\tflags\ttext\n")
        for i in range(a.files):
            rng = random.Random("post:%d:%d" % (a.seed, i))
            section = rng.choice(SECTION_KEYS)
            density = 0.0 if rng.random() < a.clean else a.density * rng.uniform(0.5, 1.8)
            wrap = rng.choice((72, 80, 100)) if rng.random() < 0.35 else 0
            post = Post(rng, section, density, wrap)
            ratio = min(1.5, max(0.7, total / asked)) if asked else 1.1
            want = weights[i] * scale
            asked += want / ratio
            post.build(want / ratio)
            data, rows = post.render(rng.random() < a.crlf)
            rel = "%s/%05d-%s.md" % (section, i, slugify(post.title))
            if section not in made:
                os.makedirs(os.path.join(content, section), exist_ok=True)
                made.add(section)
            with open(os.path.join(content, rel), "wb") as f:
                f.write(data)
            total += len(data)
            for row in rows:
                mf.write("%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\n" % ((rel,) + row))
                rule, kind, ctx = row[4], row[5], row[6]
                counts[kind][rule] = counts[kind].get(rule, 0) + 1
                contexts[kind][ctx] = contexts[kind].get(ctx, 0) + 1
    summary = {
        "generator": GENERATOR, "seed": a.seed, "files": a.files, "target_bytes": a.size, "bytes": total,
        "density": a.density, "clean": a.clean, "crlf": a.crlf,
        "planted": sum(counts["planted"].values()), "lookalikes": sum(counts["lookalike"].values()),
        "planted_by_rule": dict(sorted(counts["planted"].items())),
        "lookalikes_by_rule": dict(sorted(counts["lookalike"].items())),
        "planted_by_context": dict(sorted(contexts["planted"].items())),
        "lookalikes_by_context": dict(sorted(contexts["lookalike"].items())),
    }
    with open(os.path.join(a.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("gen_corpus: %d files, %d bytes (%.1f MB), %d planted claims, %d look-alikes -> %s"
          % (a.files, total, total / 1e6, summary["planted"], summary["lookalikes"], a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
