"""Demo content: an invented daily newspaper in an invented coastal city.

Everything in this module is fiction written for Masthead's demo newsroom. The Gullhaven Beacon,
the city of Gullhaven, Sorrel County, the Tessary River, Bayline News Service and every person,
business and organization named here are made up; any resemblance to real people, places or
events is coincidental. Web addresses use the reserved ``.example`` domain.

:mod:`masthead.demo.loader` reads the four names defined here: ``PUBLICATION``, ``SECTIONS``,
``AUTHORS`` and ``STORIES``. A story's ``days_ago`` and ``hour`` are relative to the day the demo
is loaded, in the publication's time zone.
"""

PUBLICATION = {
    "name": "The Gullhaven Beacon",
    "tagline": "Daily news for Gullhaven and Sorrel County since 1911",
    "time_zone": "America/New_York",
    "language": "en",
    # A Spanish edition too (masthead/demo/content_es.py): a bilingual city's paper.
    "other_languages": "es",
}

SECTIONS = [
    {
        "name": "News",
        "slug": "news",
        "description": (
            "City hall, schools, courts, public safety, health and the environment in Gullhaven "
            "and Sorrel County."
        ),
    },
    {
        "name": "Business",
        "slug": "business",
        "description": (
            "The port, the waterfront economy, jobs and the local businesses that keep Gullhaven "
            "running."
        ),
    },
    {
        "name": "Sports",
        "slug": "sports",
        "description": "High school, college and community sports from across Sorrel County.",
    },
    {
        "name": "Arts & Culture",
        "slug": "arts-culture",
        "description": (
            "Theater, music, museums, libraries and the people behind Gullhaven’s cultural life."
        ),
    },
    {
        "name": "Opinion",
        "slug": "opinion",
        "description": (
            "Editorials from the Beacon’s editorial board and signed columns from our writers."
        ),
    },
]

AUTHORS = [
    {
        "name": "Teodora Vance",
        "slug": "teodora-vance",
        "title": "Executive Editor",
        "bio": (
            "Teodora Vance has led the Beacon’s newsroom for six years and has worked at the paper "
            "for 22. She started as a night reporter covering the Sorrel County Commission."
        ),
        "kind": "person",
    },
    {
        "name": "Adaeze Morrow",
        "slug": "adaeze-morrow",
        "title": "Opinion Editor",
        "bio": (
            "Adaeze Morrow edits the Beacon’s opinion pages and writes a column about life in "
            "Gullhaven. She previously covered schools and social services for the paper."
        ),
        "kind": "person",
    },
    {
        "name": "Kwame Ellison",
        "slug": "kwame-ellison",
        "title": "City Hall Reporter",
        "bio": (
            "Kwame Ellison covers the Gullhaven City Council, the city budget and development. He "
            "grew up in Eastbank and joined the Beacon after five years at a regional weekly."
        ),
        "kind": "person",
    },
    {
        "name": "Priya Nandakumar",
        "slug": "priya-nandakumar",
        "title": "Education Reporter",
        "bio": (
            "Priya Nandakumar covers Gullhaven Public Schools and Sorrel Point College. Before "
            "becoming a reporter, she taught middle school science for four years."
        ),
        "kind": "person",
    },
    {
        "name": "Henrik Solberg",
        "slug": "henrik-solberg",
        "title": "Business and Port Reporter",
        "bio": (
            "Henrik Solberg writes about the Port of Gullhaven, the fishing and shellfish "
            "industries and local business. He has covered the waterfront for more than a decade."
        ),
        "kind": "person",
    },
    {
        "name": "Lucía Ferreira",
        "slug": "lucia-ferreira",
        "title": "Courts and Public Safety Reporter",
        "bio": (
            "Lucía Ferreira covers Sorrel County courts, police, fire and emergency services. She "
            "reports in English, Spanish and Portuguese."
        ),
        "kind": "person",
    },
    {
        "name": "Samir Haddad",
        "slug": "samir-haddad",
        "title": "Health and Environment Reporter",
        "bio": (
            "Samir Haddad reports on Gullhaven General Hospital, public health, the Tessary River "
            "and the coastline. He studied marine biology before turning to journalism."
        ),
        "kind": "person",
    },
    {
        "name": "Jamal Whitcombe",
        "slug": "jamal-whitcombe",
        "title": "Sports Editor",
        "bio": (
            "Jamal Whitcombe has covered high school and college sports in Sorrel County for 15 "
            "years. He has not missed a Harbor Cup football game in that time."
        ),
        "kind": "person",
    },
    {
        "name": "Mei-Lin Castellanos",
        "slug": "mei-lin-castellanos",
        "title": "Arts and Culture Writer",
        "bio": (
            "Mei-Lin Castellanos writes about theater, music, museums and the people who make "
            "Gullhaven’s cultural life. She also edits the weekend calendar."
        ),
        "kind": "person",
    },
    {
        "name": "Tomasz Abernathy",
        "slug": "tomasz-abernathy",
        "title": "Staff Photographer",
        "bio": (
            "Tomasz Abernathy has photographed Gullhaven for the Beacon for 12 years, from ferry "
            "docks to football fields. He is usually the first one on the scene."
        ),
        "kind": "person",
    },
    {
        "name": "The Gullhaven Beacon",
        "slug": "gullhaven-beacon",
        "title": "Newsroom",
        "bio": (
            "The Gullhaven Beacon is the daily newspaper of Gullhaven and Sorrel County. This "
            "account posts editorials and stories from our partner news services."
        ),
        "kind": "organization",
    },
    {
        "name": "Bayline News Service",
        "slug": "bayline-news-service",
        "title": "News service",
        "bio": (
            "Bayline News Service shares stories from independent newspapers along the coast with "
            "member newsrooms across the region."
        ),
        "kind": "organization",
    },
]

STORIES = [
    {
        "slug": "storm-surge-floods-lower-harbor-district",
        "headline": "Storm surge floods lower Harbor District as Tessary River tops flood stage",
        "dek": (
            "Front Street shops took on water overnight, the Wren Island ferry was halted and "
            "about 4,100 customers lost power; another high tide arrives this evening."
        ),
        "section": "news",
        "authors": ["samir-haddad", "kwame-ellison", "lucia-ferreira"],
        "byline_text": "",
        "writer": "samir-haddad",
        "tags": ["Weather", "Harbor", "Tessary River", "Public Safety"],
        "days_ago": 0,
        "hour": 10,
        "updated_hours_later": 2,
        "photo": {
            "motif": "harbor",
            "alt": (
                "Seawater covers Front Street beside the harbor as a pickup truck drives through "
                "water up to its wheel wells."
            ),
            "caption": (
                "Seawater spills over the bulkhead at the foot of Kittiwake Avenue early this "
                "morning, flooding Front Street in Gullhaven’s lower Harbor District. City crews "
                "closed six blocks to traffic as the tide peaked shortly after 5 a.m."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
A storm surge driven by gale-force onshore winds pushed seawater over the harbor bulkhead early
this morning, flooding the lower Harbor District, halting the Wren Island ferry and leaving
about 4,100 homes and businesses in Gullhaven without power.

The water peaked shortly after 5 a.m., about 2.3 feet above the top of the bulkhead at the foot
of Kittiwake Avenue, according to the Port of Gullhaven’s tide gauge. At the same time, the
Tessary River rose to 14.6 feet at the Alder Street Bridge, more than a foot above flood stage,
as runoff from two days of heavy rain met the incoming tide.

No injuries had been reported as of mid-morning. Firefighters used an inflatable boat to help 11
people leave ground-floor apartments on Ropewalk Lane before dawn, Fire Chief Marguerite
Lindqvist said.

“The surge came in faster than the models suggested, and it came in on top of a river that was
already full,” Lindqvist said at a briefing outside the Public Safety Building. “Our crews did
exactly what they trained for. Now we need people to stay out of the water and let us work.”

## What is closed

City and county officials listed these closures as of 10 a.m.:

- Front Street between Kittiwake Avenue and Pell Street
- Wharf Road from the ferry terminal to Pier 4
- River Road between Riverside Park and the Route 9 bridge
- The Wren Island ferry, with no sailings before 6 p.m. at the earliest
- Gullhaven High School and Harbor Elementary School, both closed for the day

Gullhaven Public Schools said every other school opened on time. Buses that normally use Wharf
Road were rerouted along Signal Hill Road.

## Businesses bail out

On Front Street, shop owners were pushing water out of doorways with brooms and squeegees by 8
a.m. At Pier Six Chandlery, owner Rafael Esposito-Kane said about four inches of water had
covered the sales floor.

“We moved the rope and the electronics up onto the high shelves last night, so it could have
been much worse,” he said. “The floorboards are another story. I don’t know yet what this costs
us.”

Two doors down, Hannah Ostrowski, who owns Tessary Bread Co., said her ovens stayed dry but her
basement storeroom did not. She estimated she lost about 40 sacks of flour.

“Everybody down here knows the sea comes up Front Street once in a while,” Ostrowski said. “It
just seems like once in a while is getting more often.”

## Power and the ferry

Sorrel Valley Electric Cooperative said about 4,100 customers were without power at the height
of the outage, most of them in the Harbor District and along the river in Eastbank. By 10 a.m.,
that number had dropped to about 1,700. A cooperative spokesperson, Irene Castaño, said crews
were waiting for water to drain from two underground equipment vaults before restoring the rest.

The Port of Gullhaven canceled the 6:15 a.m. and 8:30 a.m. sailings to Wren Island. Harbormaster
Miguel Arrieta said the ferry itself was not damaged, but the loading ramp at the Gullhaven
terminal was under water and would need an inspection before it could carry vehicles.

“Once the tide drops and we can see the hinge on that ramp, we’ll know a lot more,” Arrieta
said. “I would rather run late than run unsafe.”

Island residents with medical appointments on the mainland can call the port’s operations desk
for help arranging a water taxi, he said.

## Another high tide tonight

Forecasters expect the wind to ease through the afternoon, but the next high tide, at about 5:40
p.m., could again push water over low spots along Front Street and Wharf Road. The river is
expected to crest a second time this evening, slightly lower than this morning.

Mayor Ines Calloway asked residents to stay away from the waterfront until at least tomorrow
morning and to report blocked storm drains through the city’s [storm information
page](https://alerts.gullhaven.example/storm).

“We are going to have a long conversation about the seawall, and we should,” Calloway said.
“Today the job is simpler. Keep people safe, get the lights back on and get the ferry running.”

Sandbags are available at the public works yard on Hollis Street and at Eastbank Fire Station 3
until 8 p.m.

**Update:** Port officials said inspectors had cleared the Gullhaven ferry ramp for foot
traffic. The 2:15 p.m. sailing to Wren Island will carry walk-on passengers only; vehicles will
wait until at least the evening sailing.
""",
    },
    {
        "slug": "gullhaven-edges-eastbank-reclaims-harbor-cup",
        "headline": (
            "Lindgren’s late touchdown lifts Gullhaven past Eastbank 21-20 to reclaim the Harbor "
            "Cup"
        ),
        "dek": (
            "The Gulls scored with 41 seconds left, then stopped a two-point try on the final play "
            "to win the crosstown rivalry for the first time in four years."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["High School Sports"],
        "days_ago": 1,
        "hour": 21,
        "updated_hours_later": 1,
        "photo": {
            "motif": "stadium",
            "alt": (
                "A football player in a white jersey dives across the goal line as a defender "
                "reaches for him under stadium lights."
            ),
            "caption": (
                "Gullhaven High running back Mateo Lindgren dives into the end zone for the "
                "go-ahead touchdown with 41 seconds left in the Gulls’ 21-20 win over Eastbank at "
                "Memorial Field. The win returns the Harbor Cup to Gullhaven for the first time in "
                "four years."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
For three quarters, Eastbank had the better of it. In the final three minutes, Gullhaven had the
ball and, finally, the answer.

Senior running back Mateo Lindgren dove across the goal line from 2 yards out with 41 seconds
left, and the Gulls stopped a two-point conversion attempt on the final play to beat the
Eastbank Ospreys 21-20 before a crowd of about 4,000 at Memorial Field.

The win returns the Harbor Cup, the dented brass ship’s lantern that goes to the winner of the
crosstown game, to Gullhaven for the first time in four years.

“I told the guys in the huddle, ‘Nobody’s carrying that lantern back across the river,’”
Lindgren said, still in his pads, the trophy at his feet. “I don’t think I’ve ever been this
tired.”

Eastbank (5-3) led 14-7 early in the fourth quarter after quarterback Isaiah Afolabi threw his
second touchdown pass, a 34-yarder to Caleb Yoon.

Gullhaven (6-2) answered with an 11-play drive capped by quarterback Owen Takahashi’s 9-yard
run, and Bram de Vries’ extra point tied the game at 14 with 6:12 left.

After the Gulls’ defense forced a punt, Gullhaven took over at its own 26 with 2:58 remaining.
Takahashi completed four straight passes, including a 23-yarder to Jaylen Moreau on
fourth-and-6, to set up Lindgren’s touchdown.

## One last chance

Eastbank still had time. Afolabi completed five passes in 37 seconds, and Yoon caught a 12-yard
touchdown pass in the corner of the end zone with 4 seconds left to make it 21-20.

Ospreys coach Russell Okerlund chose to go for the win rather than kick for overtime.

“We came here to win the game,” Okerlund said. “I’d make the same call a hundred times. Their
kids just made a better play.”

On the two-point try, Afolabi rolled to his right looking for Yoon again, but Gullhaven
linebacker Teo Halvorsen slipped past a blocker and dragged him down at the 3-yard line.

“I just saw the number on his jersey and went,” Halvorsen said.

Gullhaven coach Walt Demarco said the game was the kind both schools will talk about for years.

“Both of these teams deserved to win tonight, and for most of the night they deserved it more
than we did,” Demarco said. “But our kids didn’t quit, and that’s what I’ll remember.”

Lindgren finished with 112 yards on 24 carries. Afolabi completed 22 of 31 passes for 261 yards
and three touchdowns.

Both teams have clinched spots in the regional playoffs, which begin in two weeks. Brackets will
be posted on the [Coastal League website](https://www.coastalleague.example/football).

*This story was updated with final statistics and comments from both coaches.*
""",
    },
    {
        "slug": "port-reports-record-seafood-exports-new-crane",
        "headline": (
            "Port of Gullhaven reports record seafood exports as a new Pier 6 crane arrives"
        ),
        "dek": (
            "Shipments of oysters, clams and crab rose 14 percent last year, and port officials "
            "say a bigger crane will let Pier 6 handle larger ships."
        ),
        "section": "business",
        "authors": ["henrik-solberg"],
        "byline_text": "",
        "writer": "henrik-solberg",
        "tags": ["Port of Gullhaven", "Economy", "Harbor"],
        "days_ago": 1,
        "hour": 10,
        "updated_hours_later": 2,
        "photo": {
            "motif": "harbor",
            "alt": (
                "A tall blue crane lifts a shipping container from a cargo ship at a pier as gulls "
                "circle overhead."
            ),
            "caption": (
                "A crane unloads containers at Pier 6, the Port of Gullhaven’s container terminal. "
                "The port shipped a record volume of seafood last year and is replacing the older "
                "of its two cranes."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Port of Gullhaven shipped a record 31,400 tons of seafood last year, most of it oysters,
clams and crab from farms and fishing boats in Gullhaven Bay and off Wren Island, port officials
told the Port Commission at its monthly meeting.

The total was up 14 percent from the year before and about 40 percent higher than five years
ago. Seafood now makes up a little more than a third of the port’s cargo by value, ahead of
lumber and wood products for the first time.

“Ten years ago, the shellfish business in this bay was a handful of family operations,” said
Agnes Thorvaldsen, the port’s executive director. “Today it is one of the biggest employers on
the waterfront, and it keeps growing.”

Much of the growth has come from oyster farms that raise shellfish in floating cages in the
sheltered water east of Wren Island. The Wren Island Oyster Cooperative, which represents 22
farms, says its members employ about 310 people year-round. Members expect a new packing shed on
Wren Island, due to open next year, to add about 40 more jobs.

Cooperative manager Tamsin Obuya said buyers in cities along the coast have come to ask for
Gullhaven oysters by name.

“Cold, clean water and a lot of patience,” Obuya said. “That’s the whole secret, and the bay
gives us the first two.”

## A bigger crane for Pier 6

The port is also preparing to put a new crane into service at Pier 6, its container terminal.
Parts for the crane arrived by barge this week, and assembly is expected to take about six
weeks.

The $11.8 million crane replaces one installed in 1988. It can reach across a ship 16 containers
wide, compared with 11 for the old crane, which will let the terminal serve larger vessels that
now bypass Gullhaven for bigger ports.

Operations Manager Desmond Quarshie said the old crane was out of service for a total of 23 days
last year because of breakdowns.

“When the crane stops, everything stops,” Quarshie said. “Trucks wait, refrigerated containers
wait, ships wait. Reliability is the whole point.”

The port is paying for the crane with $8.3 million in revenue bonds, to be repaid from cargo
fees, and a $3.5 million grant from a state port improvement program. The old crane will be
taken apart and sold for parts and scrap once the new one passes its load tests.

## Room for small boats

At the commission meeting, several commercial fishermen said the port’s growth has squeezed
berth space for smaller boats in the inner harbor. Lise Marchetti, who fishes for crab out of
Gullhaven with her brother, said moorage rates have risen two years in a row.

“We’re the people who built this harbor,” she said. “I’d like to know there’s still room for us
in it.”

Thorvaldsen said the port is studying whether to add floating docks for small commercial boats
at Pier 2 and expects to present options to the commission later this year.

The port’s annual report, with cargo figures by category, is available on the [Port of Gullhaven
website](https://www.portofgullhaven.example/reports).

*This story was updated with comments from commercial fishermen at the Port Commission meeting.*
""",
    },
    {
        "slug": "city-council-approves-budget-harbor-patrol-library-hours",
        "headline": (
            "City Council approves $214 million budget with harbor patrol and Sunday library hours"
        ),
        "dek": (
            "The 6-1 vote adds two harbor patrol officers and reopens the main library on Sundays "
            "while holding the property tax rate flat for a third straight year."
        ),
        "section": "news",
        "authors": ["kwame-ellison"],
        "byline_text": "",
        "writer": "kwame-ellison",
        "tags": ["City Council", "Library", "Harbor"],
        "days_ago": 2,
        "hour": 20,
        "updated_hours_later": None,
        "photo": {
            "motif": "hall",
            "alt": (
                "City councilors sit at a curved wooden dais in the council chamber while "
                "residents watch from rows of seats."
            ),
            "caption": (
                "Gullhaven City Council members vote on the city’s operating budget in the council "
                "chamber at City Hall. Councilor Darnell Fitch, second from right, cast the only "
                "vote against the plan."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Gullhaven City Council approved a $214 million operating budget for the coming fiscal year this
evening, adding two officers to the police department’s harbor patrol, reopening the main
library on Sundays and keeping the property tax rate unchanged for a third consecutive year.

The vote was 6-1. Councilor Darnell Fitch, who represents Ward 4 in Eastbank, voted no, saying
the plan leans too heavily on savings.

The budget is about 3.8 percent larger than this year’s. Most of the increase covers negotiated
raises for city employees and higher costs for health insurance, fuel and road salt, Finance
Director Wen Zhao-Patterson told councilors.

“This is a maintenance budget with a few targeted additions,” Zhao-Patterson said. “We are not
launching anything large. We are trying to keep what we have in good repair.”

## What changes

Among the additions the council approved:

- Two harbor patrol officers and a second patrol boat shift, about $310,000 a year
- Sunday hours, noon to 5 p.m., at the main branch of the Gullhaven Public Library, about $185,000
- A second street-sweeping crew for downtown and the Harbor District
- $450,000 for design work on the second phase of the harbor seawall

City Manager Conrad Beale said the harbor patrol positions respond to a rise in calls on the
water, including disabled boats and people in distress near the breakwater. Calls to the patrol
have risen by about a third in three years, he said.

## The debate over reserves

To balance the budget without raising the tax rate, the city will draw $2.6 million from its
reserve fund, leaving it at about 11 percent of annual spending. The council’s own policy calls
for a reserve of at least 10 percent.

Fitch said that margin was too thin.

“We are one bad storm season away from breaking our own rule,” he said. “I support almost
everything in this budget. I don’t support paying for it out of savings year after year.”

Council President Raymond Tso said the reserve remains within policy and that the council will
revisit revenue options next year, including a possible change to the city’s lodging tax.

“Nobody on this dais thinks drawing down reserves is a long-term plan,” Tso said. “But neither
is asking homeowners for more in a year when so many of them are stretched.”

## Residents weigh in

About 40 people attended the final hearing, and 17 spoke. Most talked about the library. Eleni
Marangos, a parent of two from the Signal Hill neighborhood, said Sunday hours matter to
families who work all week.

“Sunday was the day we went to the library when I was a kid here,” she said. “My kids have never
had that. I’m glad they will.”

Several speakers from the Harbor District urged the council to move faster on the seawall. The
design money will pay for engineering studies, but construction of the second phase would
require a separate bond measure or outside grants, Beale said.

Councilors also approved a 2.5 percent increase in water and sewer rates, which will add about
$1.90 a month to a typical household bill. The full budget is posted on the [city’s finance
page](https://www.gullhaven.example/finance/budget).
""",
    },
    {
        "slug": "lamplighter-theatre-opens-season-with-ferry-play",
        "headline": (
            "Lamplighter Theatre opens its season with an original play about Wren Island ferry "
            "crews"
        ),
        "dek": (
            "“Last Boat to Wren,” written by a former deckhand, draws on interviews with 30 "
            "current and retired ferry workers and runs for four weekends."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Arts", "Harbor"],
        "days_ago": 2,
        "hour": 14,
        "updated_hours_later": None,
        "photo": {
            "motif": "night",
            "alt": (
                "Two actors in work jackets perform on a stage built to look like the deck of a "
                "ferry, lit in deep blue."
            ),
            "caption": (
                "Actors Reuben Alcott, left, and Marisela Quiroga rehearse a scene from “Last Boat "
                "to Wren,” an original play about ferry workers that opens the Lamplighter "
                "Theatre’s season. The set recreates the car deck of a 1960s ferry."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Before she wrote plays, Josephine Adair spent six years tying up the Wren Island ferry.

“You learn a lot about people at 6 in the morning in the fog,” she said. “Who talks, who
doesn’t, who brings coffee for the crew.”

Those mornings are at the heart of “Last Boat to Wren,” Adair’s new play, which opens the
Lamplighter Theatre’s season this week. It follows a ferry crew through a single night when a
storm strands the last boat of the day, and a deck full of passengers, halfway across the
channel.

The play grew out of interviews Adair recorded over two years with about 30 current and retired
ferry workers and island residents. Some of their stories made it into the script almost word
for word, she said.

“There’s a scene where the engineer talks about the sound the old engine made before it quit,”
Adair said. “That came from a man who worked on that boat for 31 years. I just wrote down what
he said.”

## Building a ferry on stage

The Lamplighter’s technical director, Anders Whitlock, and his crew built a set that recreates
the car deck of a 1960s ferry, including a working loading ramp that rises and falls during the
show. The theater, in a converted Harbor District warehouse, is a few blocks from the real ferry
terminal.

“People will be able to hear the actual ferry horn on their way in,” Whitlock said. “We
considered that our sound check.”

The cast of nine includes Reuben Alcott, a Lamplighter regular, as the ferry’s captain, and
Marisela Quiroga as a nurse trying to reach the island to care for her father.

Artistic director Celestine Harrow said the theater has produced more new work in recent years,
in part because audiences have responded to stories about the region.

“Our best-selling show two seasons ago was a play about a cannery strike in 1934,” Harrow said.
“People want to see their own town on stage.”

Several ferry workers will attend opening night as guests of the theater. Adair said she was
more nervous about their reaction than any critic’s.

“If the deckhands say I got it right, that’s the only review I need,” she said.

“Last Boat to Wren” runs Thursday through Sunday for four weekends. Tickets are $18 to $32, with
$10 tickets for students, on the [Lamplighter Theatre
website](https://www.lamplightertheatre.example/tickets).
""",
    },
    {
        "slug": "editorial-later-start-times-deserve-fair-trial",
        "headline": "Editorial: Later start times for teenagers deserve a fair and careful trial",
        "dek": (
            "The school board made a reasonable choice. Now the district must keep its promises to "
            "the families of its youngest students."
        ),
        "section": "opinion",
        "authors": [],
        "byline_text": "The Editorial Board",
        "writer": "gullhaven-beacon",
        "tags": ["Editorials", "Schools"],
        "days_ago": 2,
        "hour": 7,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
The Gullhaven school board’s decision to move high school start times to 8:30 a.m. was not an
easy one, and the board members who voted against it raised concerns that deserve more than a
polite nod.

But on balance, the board made the right call.

The evidence that teenagers learn better when they are allowed to sleep a little later is not
new, and it is not a fad. The body clock shifts later during adolescence; asking a 16-year-old
to be alert in a chemistry lab at 7:25 a.m. works against biology. Districts that have made the
change have generally reported better attendance and fewer students dozing through first period.

The testimony from students at the board meeting was persuasive for a more local reason. Many
Gullhaven teenagers work evening shifts in restaurants, shops and on the waterfront, often to
help their families. For them, a 6 a.m. alarm is not a question of discipline. It is a question
of arithmetic.

That said, the two board members who voted no, Selma Torvik and Anthony Reyes-Moran, were right
to press on what this means for the district’s youngest students. Moving elementary schools to a
7:50 a.m. start puts more small children at bus stops in the dark on the shortest days of the
year and forces some working parents to rearrange their mornings.

The district has made commitments to address that: no elementary pickups before 7:05 a.m., and
before-school programs at every elementary school opening at 7 a.m. Those commitments must be
kept, paid for and, where necessary, expanded.

We would add three requests:

- **Light the stops.** The district and the city should check every elementary bus stop for
  street lighting before the new schedule begins.
- **Keep morning care affordable.** A program families cannot afford is not a solution. Fees
  should be waived or reduced based on income.
- **Measure and report.** The board should publish attendance, tardiness and transportation data
  after the first semester and again at year’s end, so residents can judge whether the change is
  working.

If the numbers show real problems, the board should be willing to adjust. If they show what
research elsewhere suggests, Gullhaven will have made its high schools better places to learn at
a modest cost.

That is worth trying, and worth trying carefully.
""",
    },
    {
        "slug": "school-board-later-high-school-start-times",
        "headline": "School board votes to move high school start times to 8:30 a.m. next year",
        "dek": (
            "The 5-2 decision flips the bus schedule so elementary students start earlier; "
            "district officials estimate the change will cost about $400,000 a year."
        ),
        "section": "news",
        "authors": ["priya-nandakumar"],
        "byline_text": "",
        "writer": "priya-nandakumar",
        "tags": ["Schools"],
        "days_ago": 3,
        "hour": 19,
        "updated_hours_later": None,
        "photo": {
            "motif": "classroom",
            "alt": (
                "Students with backpacks walk toward the front doors of a brick high school in "
                "early morning light."
            ),
            "caption": (
                "Students arrive at Eastbank High School shortly before the 7:25 a.m. bell. Under "
                "a plan approved by the Gullhaven Public Schools board, high school classes will "
                "begin at 8:30 a.m. starting next school year."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
High school students in Gullhaven will start class more than an hour later next year after the
Gullhaven Public Schools board voted 5-2 to move the first bell at both of the city’s high
schools from 7:25 a.m. to 8:30 a.m.

To make the change work with the district’s fleet of 38 buses, elementary schools will start
earlier, at 7:50 a.m. instead of 8:45 a.m. Middle schools will stay close to their current
schedule.

Superintendent Lorraine Okwu recommended the switch after a year of study by a committee of
parents, teachers, students and bus drivers. She cited research linking later start times for
teenagers to better attendance and fewer late arrivals.

“Every district that has tried this has had to solve the same puzzle, which is the buses,” Okwu
said. “We think we have solved it in a way that is fair to our youngest students and their
families.”

Board chair Patrick Delahunt voted in favor. The two votes against came from Selma Torvik and
Anthony Reyes-Moran, who said they had heard from many families worried about young children
waiting for buses in the dark.

“I’m not against later starts for high schoolers,” Torvik said. “I’m against fixing one problem
by handing it to 7-year-olds.”

District officials said elementary buses would not pick up any student before 7:05 a.m. and that
before-school programs at all nine elementary schools would open at 7 a.m. Most of the $400,000
annual cost is for additional driver hours and the expanded morning programs.

## What students said

Several high school students spoke in favor during public comment. Jonah Whitaker, a junior at
Gullhaven High School who sits on the district’s student advisory council, said many classmates
work evening shifts at restaurants and shops on the waterfront.

“A lot of us are getting home at 10 or 11 at night,” he said. “Getting up at 6 to catch a bus is
not a recipe for learning chemistry.”

Coaches raised concerns about later dismissal times for practices and games, especially for
teams that travel. Athletic Director Mara Ingersoll said the district would work with the league
on scheduling.

The new schedule takes effect on the first day of next school year. Bell times for each school
are posted on the [district’s website](https://www.gullhavenschools.example/bell-times).
""",
    },
    {
        "slug": "sorrel-point-womens-soccer-clinches-conference-title",
        "headline": "Sorrel Point women’s soccer clinches its first conference title in 14 years",
        "dek": (
            "Nkechi Arinze’s 67th-minute header beat Carrow Tech 1-0 at Heron Field, giving the "
            "Herons the top seed in the conference tournament."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["College Sports"],
        "days_ago": 4,
        "hour": 18,
        "updated_hours_later": None,
        "photo": {
            "motif": "field",
            "alt": (
                "College soccer players in blue jerseys celebrate together on a grass field after "
                "scoring a goal."
            ),
            "caption": (
                "Sorrel Point College players celebrate Nkechi Arinze’s second-half goal against "
                "Carrow Technical College at Heron Field. The 1-0 win clinched the Herons’ first "
                "Bayline Athletic Conference regular-season title in 14 years."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Nkechi Arinze had been waiting all afternoon for a corner kick she could reach.

In the 67th minute, it came. The sophomore forward rose above two defenders at the near post and
headed the ball inside the far post, and Sorrel Point College held on to beat Carrow Technical
College 1-0 at Heron Field, clinching the Herons’ first Bayline Athletic Conference
regular-season title in 14 years.

“I told our keeper before the game, ‘Just keep it at zero, I’ll get you one,’” Arinze said. “I
didn’t know it would take that long.”

The Herons (13-2-2, 8-0-1 conference) will be the top seed in the conference tournament, which
begins next week. Sorrel Point will host a quarterfinal and, if it advances, the semifinals and
final.

Goalkeeper Rosie Tamura made six saves, including a diving stop on a free kick in stoppage time,
for her ninth shutout of the season, a program record.

“Rosie was the best player on the field today, and it’s not close,” said coach Graciela Montoya,
in her fifth season. “We scored one goal. She stopped everything.”

Carrow Tech (9-6-2) pressed for an equalizer in the final 15 minutes, and forward Ella Brannigan
hit the crossbar from 20 yards in the 81st minute.

The title caps a turnaround for a program that won three games in Montoya’s first season. She
credited recruiting classes built largely from local high schools, including four starters from
Sorrel County.

“These are kids who grew up coming to games here,” Montoya said. “That matters. They know what
this field means.”

Arinze, who played at Eastbank High School, leads the conference with 14 goals.

About 800 people attended, many of them students who stayed after the final whistle to take
photos with the players on the field.

Tournament tickets are available through the [Herons athletics
website](https://athletics.sorrelpoint.example/tickets).
""",
    },
    {
        "slug": "tessary-bread-co-opening-second-bakery",
        "headline": "Tessary Bread Co. opening a second bakery in the old Lantern Street bank",
        "dek": (
            "The Front Street bakery will move most of its baking into the 1920s building, adding "
            "a café, about 14 jobs and a walk-in cooler inside the old vault."
        ),
        "section": "business",
        "authors": ["henrik-solberg"],
        "byline_text": "",
        "writer": "henrik-solberg",
        "tags": ["Small Business", "Downtown"],
        "days_ago": 5,
        "hour": 9,
        "updated_hours_later": None,
        "photo": {
            "motif": "market",
            "alt": (
                "A baker slides loaves of bread onto wooden shelves inside a high-ceilinged former "
                "bank lobby with marble counters."
            ),
            "caption": (
                "Hannah Ostrowski, owner of Tessary Bread Co., stocks shelves in the former Harbor "
                "Savings Bank building on Lantern Street, which she is turning into a bakery and "
                "café. The original bank vault will become a walk-in cooler."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
When Hannah Ostrowski first toured the empty Harbor Savings Bank building on Lantern Street, the
real estate agent apologized for the vault.

“He thought it was a problem,” Ostrowski said. “I thought, that’s the best walk-in cooler anyone
in this town will ever have.”

Ostrowski, who opened Tessary Bread Co. on Front Street seven years ago, has signed a 10-year
lease on the 1920s building and plans to open a second bakery and café there early next year.
Most of the company’s baking will move to the new location, which has about four times the
kitchen space of the Front Street shop.

The Front Street bakery will stay open as a retail counter.

The expansion will add about 14 jobs, bringing the company to 31 employees, Ostrowski said. The
bakery supplies bread to about 20 restaurants and two grocery stores in Sorrel County and has
turned down wholesale orders for the past year because it ran out of oven space.

The bank building, with its marble counters and 20-foot ceilings, has been empty for about six
years, since the bank closed its downtown branch.

The renovation will cost about $900,000 and is being financed in part with a $75,000 loan from
the city’s downtown small business fund, said Aurelia Santangelo, director of the Downtown
Gullhaven Partnership.

“Lantern Street has had some empty windows for too long,” Santangelo said. “A bakery with a line
out the door is about the best thing that can happen to a block.”

Ostrowski said the teller counters will stay and will be used to display bread. The safe deposit
boxes the bank left behind will become a wall of small lockers where wholesale customers can
pick up orders before dawn.

“It was a place people came to every week,” she said. “I want it to be that again.”
""",
    },
    {
        "slug": "gullhaven-general-unveils-birthing-center",
        "headline": (
            "Gullhaven General unveils $38 million birthing center, its first expansion in 20 years"
        ),
        "dek": (
            "The wing adds 14 private birthing suites and a six-bed newborn intensive care unit, "
            "so fewer families will have to travel for specialized care."
        ),
        "section": "news",
        "authors": ["samir-haddad"],
        "byline_text": "",
        "writer": "samir-haddad",
        "tags": ["Hospital"],
        "days_ago": 6,
        "hour": 11,
        "updated_hours_later": None,
        "photo": {
            "motif": "hall",
            "alt": (
                "A nurse shows a couple a newly furnished birthing room with a large window "
                "overlooking the bay."
            ),
            "caption": (
                "Nurse manager Beatriz Almeida shows expectant parents the view from one of 14 new "
                "birthing suites at Gullhaven General Hospital. The $38 million wing opens to "
                "patients next month."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Gullhaven General Hospital showed off its new birthing center to the public this week, a $38
million, three-story wing that administrators say will keep more Sorrel County families close to
home when a birth becomes complicated.

The center, built on a former staff parking lot on the hospital’s east side, includes 14 private
birthing suites, a dedicated operating room for cesarean deliveries and a six-bed neonatal
intensive care unit. It is the hospital’s first major expansion in two decades.

Until now, babies born at Gullhaven General who needed intensive care were usually transferred
by ambulance or helicopter to a larger hospital about 90 miles away. Last year, 61 newborns were
transferred, according to hospital figures.

“That drive is the longest of a parent’s life,” said Dr. Nadia Prewitt, the hospital’s president
and chief executive. “For many of those families, we will now be able to say, ‘Your baby stays
here, and so do you.’”

The neonatal unit will care for babies born as early as 32 weeks and for those who need help
breathing or feeding, said Dr. Oluwaseun Bright, a neonatologist who joined the hospital last
year to lead it. The smallest and sickest infants will still be transferred.

## Staffing the new wing

The hospital has hired 31 nurses and five respiratory therapists for the center and is still
recruiting for about a dozen positions. Chief Nursing Officer Felix Amankwah said about half of
the new nurses graduated from the nursing program at Sorrel Point College.

“We grew a lot of this team ourselves,” Amankwah said. “People who trained here want to stay
here if we give them a reason to.”

The project was paid for with hospital bonds, $9 million in state health facility grants and a
community campaign that raised $6.2 million from about 2,300 donors.

## Tours for families

Beatriz Almeida, the nurse manager for the unit, led tours this week for about 60 expectant
parents. Kiara Benoît, who is due in about two months, said the windows overlooking the bay were
lovely, but she was more interested in the neonatal unit down the hall.

“My first was born early, and we spent 11 days two hours from home,” she said. “Knowing that’s
here now changes how I feel about all of this.”

The center opens to patients next month. Families can schedule a tour through the hospital’s
[maternity services page](https://www.gullhavengeneral.example/birth-center).
""",
    },
    {
        "slug": "harbor-chamber-orchestra-names-music-director",
        "headline": (
            "Harbor Chamber Orchestra names Rafael Inoue its first new music director in 19 years"
        ),
        "dek": (
            "Inoue, 38, succeeds founding director Margit Holloway, who becomes conductor "
            "laureate; he plans more new music and free concerts in neighborhoods."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Music", "Arts"],
        "days_ago": 7,
        "hour": 16,
        "updated_hours_later": 6,
        "photo": {
            "motif": "hall",
            "alt": (
                "A conductor in a dark shirt leads an orchestra rehearsal in a concert hall with "
                "wood-paneled walls."
            ),
            "caption": (
                "Rafael Inoue rehearses with the Harbor Chamber Orchestra at Fenwick Hall during "
                "his audition week last season. The orchestra’s board named Inoue its music "
                "director, the first change in the post since the orchestra was founded 19 years "
                "ago."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Harbor Chamber Orchestra has chosen Rafael Inoue, a 38-year-old conductor who has spent the
past six years as associate conductor of the Ridgeford Philharmonic, as its next music director,
the orchestra’s board announced.

Inoue succeeds Margit Holloway, who founded the 34-member orchestra 19 years ago and has led it
ever since. Holloway, 71, will become conductor laureate and lead one program a season.

Inoue was one of four finalists who each led a week of rehearsals and a concert at Fenwick Hall
last season. Board president Thandiwe Nkosi said musicians and audiences responded strongly to
his energy and his programming.

“The musicians voted, the audience surveys came back, and the answer was the same everywhere,”
Nkosi said. “He made people lean forward in their seats.”

His audition concert paired a Haydn symphony with a new work by a composer from the region, a
combination he said reflects his plans.

“I love the old repertoire, and I’m not going to abandon it,” Inoue said in a phone interview.
“But an orchestra should also sound like the place it lives. I want at least one piece every
season written by someone who knows this coastline.”

He also wants to take the orchestra out of the concert hall. Inoue proposed a series of free,
hourlong concerts in neighborhood spaces, including the Eastbank Community Center, the Gullhaven
Public Library and the ferry terminal waiting room.

Holloway said she was delighted with the choice.

“I started this orchestra with 14 musicians in a church basement,” she said. “I’m handing it to
someone who will take it places I never imagined. That’s the whole point.”

Inoue will begin a five-year contract next season and plans to move to Gullhaven with his
partner and their young son. He will conduct three of the orchestra’s six subscription programs
in his first year.

*This story was updated with comments from Rafael Inoue.*
""",
    },
    {
        "slug": "tasha-kimura-earns-300th-win",
        "headline": (
            "Eastbank’s Tasha Kimura earns her 300th win as Ospreys pull away from Tessary Valley"
        ),
        "dek": (
            "The 17th-year coach, a former Eastbank point guard, is the first girls basketball "
            "coach in Sorrel County to reach the milestone."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["High School Sports"],
        "days_ago": 8,
        "hour": 21,
        "updated_hours_later": None,
        "photo": {
            "motif": "stadium",
            "alt": (
                "A basketball coach holds a game ball as her players crowd around her on a "
                "gymnasium floor."
            ),
            "caption": (
                "Eastbank girls basketball coach Tasha Kimura holds the game ball after her 300th "
                "career win, a 58-44 victory over Tessary Valley in the Eastbank gym. Kimura is in "
                "her 17th season leading the Ospreys."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Tasha Kimura tried to keep the focus on her players. Her players weren’t having it.

After Eastbank beat Tessary Valley 58-44 for Kimura’s 300th career win, the Ospreys showered
their coach with a bucket of paper confetti they had hidden under the bench and handed her a
game ball signed by every player on the roster.

“I didn’t score a single point tonight,” Kimura said, picking bits of paper out of her hair.
“This belongs to about 200 kids who’ve played for me, and a lot of them are in this gym.”

Kimura, 46, is the first girls basketball coach in Sorrel County to reach 300 wins, according to
league records. She is in her 17th season at Eastbank, where she played point guard before
playing four years at Sorrel Point College.

Her teams have won six league titles and reached the state semifinals twice.

Junior guard Liliana Corvo led Eastbank (11-3) with 19 points, including three 3-pointers during
a 14-2 run to open the second half that broke a 26-26 halftime tie. Senior center Abigail
Nwachukwu added 12 points and 13 rebounds.

Tessary Valley (7-7) got 16 points from sophomore Brynn Halloway.

Among the former players in the crowd was Dr. Keisha Danforth, a physician at Gullhaven General
Hospital who played on Kimura’s first team.

“She was 29 and we were terrible,” Danforth said, laughing. “She made us run until we weren’t. I
still hear her voice when I’m tired at work.”

Eastbank athletic director Howard Pemberton said the school plans to honor Kimura before its
final home game of the season.

Kimura said she has no plans to stop.

“I’ll know when it’s time,” she said. “It’s not time.”
""",
    },
    {
        "slug": "judge-orders-coil-street-landlord-to-pay-fines-and-repair",
        "headline": "Judge orders Coil Street landlord to pay $186,000 and fix unsafe apartments",
        "dek": (
            "A Sorrel County Superior Court judge found the owner of a 24-unit building ignored "
            "city repair orders for more than a year; tenants may stay while work is done."
        ),
        "section": "news",
        "authors": ["lucia-ferreira"],
        "byline_text": "",
        "writer": "lucia-ferreira",
        "tags": ["Courts", "Housing"],
        "days_ago": 9,
        "hour": 15,
        "updated_hours_later": 3,
        "photo": {
            "motif": "skyline",
            "alt": (
                "A three-story brick apartment building with patched windows on a narrow street "
                "lined with parked cars."
            ),
            "caption": (
                "The apartment building at 212 Coil Street, where city inspectors documented "
                "broken heating, water leaks and a chained fire exit. A Sorrel County judge "
                "ordered the owner to pay $186,000 in fines and finish repairs within 90 days."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
A Sorrel County Superior Court judge has ordered the owner of a 24-unit apartment building on
Coil Street to pay $186,000 in fines and complete a long list of repairs within 90 days, after
finding that the company ignored city orders for more than a year.

Judge Eleanor Vasquez-Lowe ruled that Ashcombe Property Group LLC failed to fix broken heating,
persistent water leaks, missing smoke detectors and a rear fire exit that had been chained shut
at 212 Coil Street. The city filed the civil case 14 months ago after inspectors documented 47
code violations.

“The record shows repeated notice and repeated inaction,” Vasquez-Lowe wrote in her decision.
“The tenants of this building have waited long enough.”

The ruling allows the city to hire its own contractor and bill the owner if the repairs are not
finished on time. It also bars the company from raising rents or starting evictions at the
building until a city inspector signs off on the work.

Victor Lanning, a manager for Ashcombe, said in a phone interview that the company had been
trying to arrange financing for a major renovation and disagreed with parts of the ruling.

“We have made repairs, and we will keep making them,” Lanning said. “We are reviewing the
decision with our attorneys.” He did not say whether the company would appeal.

## Tenants relieved, but cautious

About 60 people live in the building, many of them older residents and families with young
children. Rosalía Mendez-Frye, who has lived in a second-floor unit for nine years, said her
kitchen ceiling has leaked every time it rains for two years.

“I’ve stopped hanging anything on that wall,” she said. “I’ll believe it’s fixed when I see a
dry ceiling.”

Assistant City Attorney Kofi Danquah said the fines are the largest the city has won in a
housing code case.

“We would much rather see landlords make the repairs than go to court,” Danquah said. “But when
they won’t, we will.”

*This story was updated with comment from Ashcombe Property Group.*
""",
    },
    {
        "slug": "crossing-guard-kittiwake-avenue-column",
        "headline": "What a school crossing guard on Kittiwake Avenue taught me about this city",
        "dek": (
            "For 23 years, Bernice Lowry has stopped traffic outside Harbor Elementary. She knows "
            "more about Gullhaven than most of us ever will."
        ),
        "section": "opinion",
        "authors": ["adaeze-morrow"],
        "byline_text": "",
        "writer": "adaeze-morrow",
        "tags": ["Columns", "Schools"],
        "days_ago": 10,
        "hour": 7,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
Every school morning for 23 years, Bernice Lowry has stood at the corner of Kittiwake Avenue and
Pell Street in a yellow vest, holding a stop sign that is taller than most of the children she
walks across.

I met her the way most people in the Harbor District do: by waiting at her corner. My daughter
was in kindergarten then, and Bernice, as everyone calls her, learned her name on the second
day. By the end of the first week, she knew which of us was usually running late.

I went back recently to ask her what the corner has taught her. I expected a few stories. I got
an education.

She has watched the neighborhood change one family at a time. In her first years, she said, most
of the children she crossed had parents who worked in the canneries or on the boats. Then came
the years when the canneries closed and fewer children came at all. Now there are more again:
children of nurses at the hospital, of welders at the boatyard, of families who moved here from
across the country and around the world.

“I’ve had kids say good morning to me in nine languages,” she told me. “I learned to say it back
in most of them. Not well, but they appreciate the effort.”

She knows which corners flood, which drivers speed and which ones wave. She knows who is having
a hard month, because children tell crossing guards things they do not tell teachers. More than
once, she has quietly let the school counselor know that a child seemed hungry, or cold, or sad.

“I don’t fix anything,” she said. “I just notice. Somebody has to notice.”

We spend a lot of time in this newspaper, and in this city, arguing about big things: budgets,
seawalls, bond measures, development. Those arguments matter. But a city is also held together
by people like Bernice, doing small jobs with great care, mostly out of sight.

Her job pays about $19 an hour for a few hours a day. It has no benefits. The district has
struggled to fill crossing guard positions for years, and at least three corners near elementary
schools went without a guard for part of last year.

That should bother us. A crossing guard is the first adult many children see on their way to
school and the last one they see on the way home. It is a job of trust, and it is worth paying
for.

Bernice told me she plans to keep going “until my knees say otherwise.” When she retires, she
hopes whoever takes her corner understands that the stop sign is the least important part of the
job.

“The sign stops the cars,” she said. “The job is the kids.”

The next time someone in a yellow vest stops you at a crosswalk, I hope you will wave. Better
yet, learn their name. I promise they already know yours.

*Adaeze Morrow is the opinion editor of The Gullhaven Beacon.*
""",
    },
    {
        "slug": "saturday-market-moving-to-pier-2",
        "headline": "Gullhaven Saturday Market moving to the Pier 2 lot, adding 30 vendor stalls",
        "dek": (
            "The 22-year-old market has outgrown Courthouse Square; the port will lease it the "
            "waterfront lot for $1 a year under a five-year agreement."
        ),
        "section": "business",
        "authors": ["henrik-solberg"],
        "byline_text": "",
        "writer": "henrik-solberg",
        "tags": ["Small Business", "Harbor"],
        "days_ago": 11,
        "hour": 12,
        "updated_hours_later": None,
        "photo": {
            "motif": "market",
            "alt": (
                "Shoppers browse tables of vegetables, flowers and jars of honey under white tents "
                "beside the water."
            ),
            "caption": (
                "Shoppers browse stalls at the Gullhaven Saturday Market, which will move from the "
                "Courthouse Square parking lot to the larger Pier 2 lot on the waterfront "
                "beginning next month."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Gullhaven Saturday Market, which has filled the parking lot behind Courthouse Square for 22
years, is moving to the waterfront.

Beginning next month, the market will set up on the Pier 2 lot off Wharf Road, a paved area
about twice the size of its current home. The Port of Gullhaven agreed to lease the lot to the
market’s nonprofit organizer for $1 a year under a five-year deal approved by the Port
Commission.

Market manager Yolanda Nash said the market has had a waiting list of more than 40 vendors for
three years.

“We’ve been turning away farmers, which is the last thing a farmers market should do,” Nash
said. “This gives us room for about 30 more stalls and, finally, enough parking.”

The new site will have space for 110 vendors, a covered area for live music and picnic tables
facing the harbor. Food trucks, which the market has not allowed because of space limits, will
be permitted in a separate row.

Some longtime shoppers said they would miss the old location, within walking distance of
downtown apartments. Gerald Amundsen, 78, said he has walked to the market nearly every week
since it opened.

“Now I’ll have to take the bus, which is fine,” he said. “But I’ll miss the walk.”

Sorrel County Transit will add a stop at Pier 2 on market days, and the market plans a free bike
valet.

Vendors will pay the same stall fees as this year. Port Executive Director Agnes Thorvaldsen
said the lot is used for overflow truck parking on weekdays but is mostly empty on weekends.

“A busy waterfront on a Saturday is good for everyone down there,” she said.
""",
    },
    {
        "slug": "alder-street-bridge-to-close-for-repairs",
        "headline": "Alder Street Bridge to close for 10 weeks of repairs starting next month",
        "dek": (
            "Drivers will be detoured to the Route 9 bridge, and a free shuttle will carry "
            "pedestrians and cyclists across the Tessary River while crews work."
        ),
        "section": "news",
        "authors": ["kwame-ellison"],
        "byline_text": "",
        "writer": "kwame-ellison",
        "tags": ["Transportation", "Tessary River"],
        "days_ago": 12,
        "hour": 13,
        "updated_hours_later": None,
        "photo": {
            "motif": "river",
            "alt": (
                "The steel truss of the Alder Street Bridge spans a wide river under a gray sky."
            ),
            "caption": (
                "The Alder Street Bridge, which carries about 14,000 vehicles a day across the "
                "Tessary River between downtown and Eastbank, will close for about 10 weeks of "
                "deck and bearing repairs."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Alder Street Bridge, one of two road crossings over the Tessary River in Gullhaven, will
close to traffic for about 10 weeks starting next month while crews replace worn expansion
joints and repair the concrete deck.

The 1962 steel truss bridge carries about 14,000 vehicles a day between downtown and the
Eastbank neighborhood. During the closure, drivers will be detoured to the Route 9 bridge about
a mile upstream.

City Engineer Priyanka Dasgupta said inspectors found cracking in the deck and corrosion in two
of the bridge’s bearings during a routine inspection last year. The bridge remains safe for
current traffic, she said, but the repairs cannot wait.

“If we put this off another few years, we’re looking at a much longer closure and a much bigger
bill,” Dasgupta said. “Ten weeks is painful. It’s less painful than the alternative.”

The $4.7 million project is being paid for mostly with state transportation money, with about
$900,000 from the city’s capital budget.

## Getting across

The city will run a free shuttle van for pedestrians and cyclists every 15 minutes between the
Alder Street library branch and the Eastbank Community Center from 6 a.m. to 10 p.m. Sorrel
County Transit will send Lines 2 and 5 across the Route 9 bridge, adding about eight minutes to
each trip.

Emergency response will not be affected, Fire Chief Marguerite Lindqvist said, because Eastbank
Fire Station 3 covers the neighborhood and downtown units will use Route 9.

Business owners in Eastbank worry about losing customers. Dev Raghunathan, who owns a hardware
store a block from the bridge, said about a third of his customers come from across the river.

“People get out of the habit of coming over,” he said. “I hope the city helps us remind them
we’re still here.”

The city plans to post signs at both ends of the detour pointing drivers to Eastbank businesses.
A project map is on the [public works website](https://www.gullhaven.example/alder-bridge).
""",
    },
    {
        "slug": "sorrel-point-crews-sweep-tessary-river-regatta",
        "headline": "Sorrel Point crews sweep all four varsity races at the Tessary River Regatta",
        "dek": (
            "The Herons won every varsity event for the first time in the regatta’s 38-year "
            "history, racing on their home water before about 2,500 spectators."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["College Sports", "Tessary River"],
        "days_ago": 14,
        "hour": 17,
        "updated_hours_later": None,
        "photo": {
            "motif": "river",
            "alt": (
                "An eight-person rowing crew pulls hard in a long narrow boat on a calm river in "
                "morning light."
            ),
            "caption": (
                "Sorrel Point College’s varsity women’s eight races toward the finish near the "
                "Alder Street Bridge on the way to a win at the Tessary River Regatta. The Herons "
                "won all four varsity events for the first time in the race’s 38-year history."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Sorrel Point College swept all four varsity races at the Tessary River Regatta, a first for the
Herons in the 38 years the event has been held on the river that runs past their boathouse.

The women’s varsity eight set the tone in the day’s first final, covering the 2,000-meter course
in 6 minutes, 48 seconds, more than four seconds ahead of Ashgrove State. The men’s varsity
eight followed with a win by nearly a full boat length, and the Herons also took both varsity
fours.

“It’s our river. We row on it six days a week, in rain and fog and everything else,” said senior
coxswain Mireille Dufresne. “Today it finally paid us back.”

Eleven college crews and 14 high school and club programs from around the region competed. About
2,500 spectators lined the River Walk and the Alder Street Bridge, which is closed to traffic
during the races.

Head coach Declan Mwangi, in his third season, said the team had focused on racing in rough
conditions after losing several close races in crosswinds last year.

“We had a headwind today and it didn’t bother us,” Mwangi said. “That’s a year of practicing in
bad weather.”

In the youth events, the Gullhaven Rowing Club, a program based at the Riverside Park boathouse,
won the junior women’s four. Eastbank High School’s first-year rowing club finished fourth in
the junior men’s eight in its first race.

“We just wanted to finish without hitting a buoy,” said Eastbank rower Felipe Acosta, 16. “We
did better than that.”

The regatta also raised about $18,000 for the city’s adaptive rowing program, which offers
rowing to people with disabilities.

Sorrel Point’s next race is the Bayline Championship in three weeks. Results from every race are
posted on the [regatta website](https://www.tessaryregatta.example/results).
""",
    },
    {
        "slug": "fire-department-launches-water-rescue-team",
        "headline": (
            "Gullhaven Fire Department launches dedicated water rescue team after rise in calls"
        ),
        "dek": (
            "Eighteen firefighters have finished surface and swift-water rescue training, and a "
            "new inflatable boat will be stationed at Harbor Fire Station 1."
        ),
        "section": "news",
        "authors": ["lucia-ferreira"],
        "byline_text": "",
        "writer": "lucia-ferreira",
        "tags": ["Public Safety", "Harbor"],
        "days_ago": 15,
        "hour": 10,
        "updated_hours_later": None,
        "photo": {
            "motif": "harbor",
            "alt": (
                "Firefighters in dry suits practice pulling a training dummy from the water beside "
                "an inflatable rescue boat."
            ),
            "caption": (
                "Members of the Gullhaven Fire Department’s new water rescue team train near the "
                "breakwater at Beacon Point. The 18-member team will be on call around the clock "
                "starting this month."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Gullhaven Fire Department has formed its first dedicated water rescue team, an 18-member
unit trained to pull people from the harbor, the Tessary River and the surf along Beacon Point.

Until now, firefighters responding to water emergencies relied on throw ropes from shore and on
the police department’s harbor patrol boat. Water-related calls to the department have roughly
doubled in five years, to 73 last year, according to department records.

“We were getting to the water’s edge and then waiting,” said Fire Chief Marguerite Lindqvist.
“Minutes matter in cold water. This team means we can go in.”

Members completed 80 hours of surface, swift-water and ice rescue training, and each will be
issued a dry suit, helmet and flotation gear. A 16-foot inflatable boat with an outboard motor
will be kept on a trailer at Harbor Fire Station 1 on Wharf Road.

The equipment cost about $145,000, paid for with a regional emergency preparedness grant and a
$20,000 donation from the Gullhaven Harbor Association.

Lt. Yesenia Duarte, who leads the team, said the most common calls are for kayakers and
paddleboarders caught by wind or tide near the breakwater.

“The bay looks calm from the beach, and then you get 200 yards out and it isn’t,” Duarte said.
“A lot of what we’ll do is prevention: talking to rental shops, getting people into life
jackets.”

The team will coordinate with the harbor patrol and with volunteer crews on Wren Island, who
handle calls on the island side of the channel.

Lindqvist said she hopes to eventually train every firefighter in basic water rescue. For now,
at least two team members will be on duty every shift.

The department will offer free cold-water safety talks at the Gullhaven Public Library this
month; dates are listed on the [fire department’s events
page](https://fire.gullhaven.example/events).
""",
    },
    {
        "slug": "beacon-point-lighthouse-lens-shines-again",
        "headline": (
            "Century-old Beacon Point lighthouse lens shines again in a new maritime museum gallery"
        ),
        "dek": (
            "After two years of restoration, the 12-foot lens anchors a gallery on the history of "
            "the harbor’s lights, their keepers and the ships they guided."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos", "tomasz-abernathy"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Arts", "Harbor"],
        "days_ago": 16,
        "hour": 9,
        "updated_hours_later": None,
        "photo": {
            "motif": "harbor",
            "alt": (
                "A tall glass lighthouse lens glows inside a museum gallery, with the harbor "
                "visible through a window behind it."
            ),
            "caption": (
                "The restored lens from the Beacon Point Light is lit for the first time in more "
                "than 40 years at the Sorrel County Maritime Museum. The lens, made in the 1890s, "
                "contains more than 1,000 hand-ground glass prisms."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
For more than 40 years, the great glass lens of the Beacon Point Light sat in pieces in a
storage shed behind the Sorrel County Maritime Museum, wrapped in moving blankets and labeled in
faded marker.

This week, it glowed again.

The restored lens, a 12-foot beehive of brass and glass that once threw its beam nearly 20 miles
out to sea, is the centerpiece of the museum’s new Harbor Lights Gallery, which opens to the
public this weekend.

“There were people in this town who had never seen it whole, and people who remembered it
turning every night when they were kids,” said museum director Harriet Solano. “Both groups
cried at the preview. So did I.”

## A two-year puzzle

The lens was taken out of the lighthouse in the early 1980s, when the light was automated and a
small modern beacon was installed. It was given to the museum but was too large to display, and
several of its prisms had cracked.

Restoration began two years ago under conservator Ingrid Paulsen, who specializes in historic
lighthouse optics. She and a team of volunteers cleaned each prism by hand, replaced 27 damaged
pieces with glass cast to match and reassembled the brass frame.

“Every prism was ground to a slightly different angle, and every one has to go back exactly
where it was,” Paulsen said. “It’s a jigsaw puzzle where every piece is glass and none of them
can be replaced from a catalog.”

Volunteers put more than 3,000 hours into the project. Among them was Walter Greer, 84, a
retired machinist who made new brass fittings in his garage workshop.

“My father was an assistant keeper out there for a while in the ’40s,” Greer said. “I figured I
owed the old light a few afternoons.”

## Keepers and shipwrecks

The gallery also tells the stories of the people who tended the harbor’s lights. Displays
include a keeper’s logbook from 1903, recording a storm that kept one family stranded on the
point for 11 days, and a uniform jacket worn by Adelaide Fontaine, one of the few women who
served as an official keeper on this coast.

A wall map charts 64 known shipwrecks in and around Gullhaven Bay, from lumber schooners of the
1800s to a fishing trawler that ran aground in fog in 1971. Visitors can listen to excerpts from
oral history interviews with keepers’ children and former lifesaving station crews.

The lens is lit by a low-heat LED array, because the original oil lamp could not be used
indoors. It turns once every 30 seconds, the same rhythm it kept at Beacon Point.

The $1.2 million project was paid for by private donors, a county historic preservation grant
and a campaign in which schoolchildren raised about $9,000 by “adopting” individual prisms for
$10 each.

Ten-year-old Lucy Adebayo adopted prism No. 412 with money from a lemonade stand. At the
preview, she found it on the first try.

“It’s the one on the left, near the middle,” she said. “It’s the best one.”

The museum is open Wednesday through Sunday, and admission is free for Sorrel County residents
on the first Sunday of each month. Details are on the [museum’s
website](https://www.sorrelmaritime.example/harbor-lights).
""",
    },
    {
        "slug": "coastal-counties-draft-pact-on-bluff-erosion",
        "headline": "Three coastal counties draft a pact to fight bluff erosion together",
        "dek": (
            "Ashgrove, Carrow and Sorrel counties would share engineers, monitoring gear and grant "
            "writers under a draft agreement as storms carve away the shoreline."
        ),
        "section": "news",
        "authors": [],
        "byline_text": "Rhea Castellane, Bayline News Service",
        "writer": "gullhaven-beacon",
        "tags": ["Environment", "Sorrel County", "Weather"],
        "days_ago": 18,
        "hour": 6,
        "updated_hours_later": None,
        "photo": {
            "motif": "forest",
            "alt": (
                "A gray-shingled house stands near the edge of a sandy bluff above a narrow beach, "
                "with fallen trees on the slope below."
            ),
            "caption": (
                "A house on Gannet Lane in Marlin Point stands about 30 feet from the edge of a "
                "bluff that has lost an estimated 12 feet to erosion in the past two years. "
                "Officials in Ashgrove, Carrow and Sorrel counties are drafting an agreement to "
                "share engineers, monitoring equipment and grant applications as storms wear away "
                "the coastline. Homeowner Delphine Aubert, whose family has owned the house since "
                "1968, said she now walks to the bluff edge after every storm to see how much "
                "ground is left."
            ),
            "photographer": "Aurelio Brandt",
            "agency": "Bayline News Service",
        },
        "source": {
            "name": "Bayline News Service",
            "credit_line": (
                "This story was first published by The Marlin Point Gazette and distributed by "
                "Bayline News Service."
            ),
            "original_url": (
                "https://marlinpointgazette.example/news/coastal-counties-bluff-erosion-pact"
            ),
        },
        "body": """\
MARLIN POINT — Delphine Aubert walks to the edge of her backyard after every big storm to see
how much of it is left.

“Two years ago I had a picnic table out there,” she said, pointing to a spot that now hangs over
open air above the beach on Gannet Lane. “Now I have a view straight down.”

Stories like hers have become common enough along this stretch of coast that officials in three
neighboring counties are trying something new: tackling erosion together instead of one town at
a time, with shared staff, shared data and a shared voice when grant money is handed out.

Under a draft agreement released this week, Ashgrove, Carrow and Sorrel counties would share a
small team of coastal engineers, buy monitoring equipment jointly and apply together for state
and federal grants. The three county boards are expected to vote on it within two months.

“The ocean doesn’t check which county it’s in,” said Ashgrove County Commissioner Walter
Pinkney-Oduya, who helped write the pact. “We’ve spent 20 years writing separate plans for the
same shoreline. That has to stop.”

The counties together have about 64 miles of coastline, much of it sandy bluffs between 20 and
80 feet high. A survey commissioned by Ashgrove County last year found that some sections
retreated more than 5 feet in a single winter. Two public beach stairways in Carrow County have
been closed since last year because the ground beneath them gave way.

Sorrel County Executive Harold Kinsella said small towns have struggled to compete for grant
money against larger coastal cities with full-time staff, even when the small towns face the
more urgent problems.

“A town of 3,000 people doesn’t have a coastal engineer on the payroll. It barely has a
planner,” Kinsella said. “Together, we look like a region worth investing in.”

The draft calls for the counties to split the cost of two engineers and a grant coordinator,
about $540,000 a year, according to each county’s share of the shoreline. Sorrel County’s
portion would be about $150,000. Each county would keep its own planning and permitting
authority.

Not everyone is convinced. Carrow County Commissioner Bettina Sauer said she supports
cooperation but wants clearer rules about which projects come first.

“If there’s one grant and three counties want it, who decides?” Sauer said. “I want that
answered on paper before I vote, not after.”

Conservation groups welcomed the plan but urged the counties to look beyond seawalls and rock
barriers, which can speed erosion on neighboring beaches.

“Armoring one property often just moves the problem next door,” said Imani Castellanos-Reid,
coastal program director for the Bayline Shore Trust, a regional conservation group. “We hope
this partnership will look seriously at restoring dunes and, in some places, helping people move
back from the edge.”

That idea, sometimes called managed retreat, is a sensitive one for homeowners. Aubert said she
has thought about moving her house back on its lot, but the estimate she received from a house
mover was about $180,000, more than her parents paid for the place.

“I’m not ready to give up on this place,” she said. “But I’m also not foolish. I know what the
water is doing.”

Pinkney-Oduya said the agreement would not require any homeowner to move or any county to pursue
a particular kind of project. “This is about having the right people and the right data at the
table,” he said. “The decisions stay local.” He said the engineers’ first task would be a shared
map of the most vulnerable stretches of shoreline.

Public hearings on the draft are scheduled in all three counties over the next month, beginning
in Carrow County, and written comments will be accepted until the boards vote. The full text is
posted on the [Ashgrove County website](https://www.ashgrovecounty.example/coastal-pact).
""",
    },
    {
        "slug": "credit-unions-step-up-small-business-lending",
        "headline": (
            "Coastal credit unions step up small-business lending as larger banks pull back"
        ),
        "dek": (
            "Loans to small businesses from member-owned credit unions in the region rose about 18 "
            "percent last year, while lending by larger banks was roughly flat."
        ),
        "section": "business",
        "authors": [],
        "byline_text": "Ngozi Fairweather, Bayline News Service",
        "writer": "gullhaven-beacon",
        "tags": ["Economy", "Small Business"],
        "days_ago": 20,
        "hour": 8,
        "updated_hours_later": None,
        "photo": {
            "motif": "skyline",
            "alt": (
                "A row of two-story storefronts with striped awnings along a quiet main street in "
                "a small coastal town."
            ),
            "caption": (
                "Storefronts along Main Street in Wexcombe, where several businesses opened or "
                "expanded last year with loans from regional credit unions. Small-business lending "
                "by credit unions in the coastal region rose about 18 percent, according to a "
                "trade group."
            ),
            "photographer": "Sunniva Halloran",
            "agency": "Bayline News Service",
        },
        "source": {
            "name": "Bayline News Service",
            "credit_line": (
                "This story was first published by The Wexcombe Courier and distributed by Bayline "
                "News Service."
            ),
            "original_url": (
                "https://wexcombecourier.example/business/credit-unions-small-business-lending"
            ),
        },
        "body": """\
WEXCOMBE — When Teodoro Baptiste wanted to buy a second food truck for his lunch business, his
bank said no. The credit union across the street said yes in about three weeks.

“They came out and ate at the truck before they made the decision,” Baptiste said. “I don’t
think anybody from my old bank ever knew what I sold.”

Stories like his are becoming more common along the coast. Small-business loans from credit
unions in the region rose about 18 percent last year, according to figures compiled by the
Coastal Credit Union League, a trade group representing 26 member-owned lenders in five
counties. Small-business lending by larger banks in the same area was roughly flat.

League president Marisa Hollenbeck said credit unions have stepped into a gap left as larger
banks closed branches in small towns.

“When the branch leaves, so does the loan officer who knew the town,” Hollenbeck said. “We still
have those people.”

The average credit union small-business loan in the region was about $68,000, the league said,
used most often for equipment, vehicles and building repairs.

Economists caution that credit unions still make a small share of all business loans, and that
some of last year’s growth came from a handful of large real estate loans. Loans that go bad
would also hit small lenders harder.

“It’s a real trend, but it’s a modest one,” said Harriet Nkemelu, an economist at Sorrel Point
College who studies regional banking. “Credit unions have less room for error than big banks.
The test will be what happens in a downturn.”

Some credit unions are hiring to keep up. Tessary Valley Credit Union, based in Gullhaven, added
three business lending officers last year and plans to open a branch in Wexcombe.

Its chief lending officer, Ruben Aldama, said demand has come from tradespeople, restaurants and
fishing businesses.

“A lot of these are people who have never borrowed for their business before,” Aldama said.
“They’ve grown on credit cards and savings, and they’ve hit a ceiling.”

Baptiste’s second truck started serving customers in Gullhaven this month.
""",
    },
    {
        "slug": "from-the-editor-open-doors-on-thursdays",
        "headline": "From the editor: Our office is opening its doors to readers every Thursday",
        "dek": (
            "Starting this month, anyone can stop by the Beacon’s office on Front Street to ask "
            "questions, suggest stories or tell us what we got wrong."
        ),
        "section": "opinion",
        "authors": ["teodora-vance"],
        "byline_text": "",
        "writer": "teodora-vance",
        "tags": ["Columns"],
        "days_ago": 21,
        "hour": 6,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
For most of this newspaper’s history, the only ways to reach a reporter at The Gullhaven Beacon
were to call the front desk, write a letter or catch one of us at a council meeting.

Starting this month, there is another way. Every Thursday from 3 to 6 p.m., our office on Front
Street will be open to anyone who wants to come in.

You can ask how we decide what goes at the top of the front page. You can tell us about
something happening in your neighborhood that we have missed. You can suggest a story, complain
about a headline or tell us, in person, that we got something wrong. We would much rather hear
it from you directly than secondhand.

We are doing this for a simple reason. A local newspaper depends on trust, and trust is easier
to build across a table than across a screen.

Every day, our reporters make dozens of choices about what to cover, whom to interview and how
to describe what they see. We try to make those choices carefully and fairly. But we are a staff
of 14 covering a county of nearly 90,000 people. We will miss things. Sometimes we will get
things wrong. When that happens, we fix the error and say so plainly at the bottom of the story.

Opening our doors is not a substitute for doing the job well. It is a way to do it better.

Each Thursday, at least one editor and two reporters will be on hand. Some weeks we will invite
a guest, such as the harbormaster, a school principal or the county elections director, to
answer readers’ questions. There will be coffee.

I have worked at the Beacon for 22 years, the last six as its editor. The best story ideas I
ever received came from readers who stopped me on the street or in the grocery store with a
simple question: “Why doesn’t anybody look into this?”

Now you don’t have to wait to run into us. Come by. The door is open.

*Teodora Vance is the executive editor of The Gullhaven Beacon.*
""",
    },
    {
        "slug": "community-sailing-center-launches-new-fleet",
        "headline": (
            "Community sailing center launches 20 new boats after years of patching its old fleet"
        ),
        "dek": (
            "A fundraising drive by parents, former students and boat owners replaced dinghies "
            "that had been held together with tape and fiberglass for three decades."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["Harbor"],
        "days_ago": 22,
        "hour": 15,
        "updated_hours_later": None,
        "photo": {
            "motif": "harbor",
            "alt": (
                "Children in life jackets sail small single-person dinghies near a wooden dock in "
                "a sheltered harbor."
            ),
            "caption": (
                "Young sailors practice in the new fleet of dinghies at the Gullhaven Community "
                "Sailing Center off Beacon Point. The center replaced boats that were more than 30 "
                "years old."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
For years, the instructors at the Gullhaven Community Sailing Center kept a roll of duct tape in
every safety boat.

“We had boats held together with tape, fiberglass patches and a little bit of hope,” said
program director Ayesha Karimi. “Some of those hulls were older than our instructors’ parents.”

This month, the tape went back in the supply closet. The center launched 20 new single-handed
dinghies and four two-person boats, paid for with a $164,000 fundraising drive led by parents,
former students and local boat owners.

About 400 children and teenagers take classes at the center each year, most of them between 8
and 17. About a third attend on scholarships based on family income.

Karimi said the old boats had limited the program. Several were too heavy for younger sailors to
right after capsizing, and the center had started turning students away because too many boats
were out of service for repairs.

“Now a 9-year-old can learn to flip her boat back up by herself,” Karimi said. “That’s the
moment kids stop being scared of the water.”

The campaign included a $40,000 gift from retired harbor pilot Eamon Feeney, who learned to sail
at the center as a boy.

“The harbor gave me a career,” Feeney said at the launch. “The least I can do is give some kids
a boat.”

The Gullhaven High and Eastbank High sailing teams also practice at the center, and coaches said
the new two-person boats, which match those used in high school racing, will help.

Registration for the next session is open on the [sailing center’s
website](https://www.gullhavensailing.example/classes).
""",
    },
    {
        "slug": "planning-board-backs-cannery-apartments",
        "headline": "Planning board backs 140 apartments for the long-vacant waterfront cannery",
        "dek": (
            "The project would keep the old packing house’s brick shell, set aside 35 units as "
            "affordable and open a public walkway along the harbor’s edge."
        ),
        "section": "news",
        "authors": ["kwame-ellison", "henrik-solberg"],
        "byline_text": "",
        "writer": "kwame-ellison",
        "tags": ["Housing", "City Council", "Harbor"],
        "days_ago": 24,
        "hour": 18,
        "updated_hours_later": None,
        "photo": {
            "motif": "skyline",
            "alt": (
                "A vacant brick cannery building with broken windows stands beside the harbor, "
                "with wooded hills behind it."
            ),
            "caption": (
                "The former Sorrel Bay Packing Co. cannery on Cannery Flats Road has been empty "
                "for more than 15 years. A developer plans to convert it and a neighboring lot "
                "into 140 apartments, a quarter of them priced for lower-income households."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Gullhaven Planning Board has recommended approval of a plan to turn the long-vacant Sorrel
Bay Packing Co. cannery into 140 apartments, sending the project to the City Council for a final
vote.

The board voted 5-0 after a three-hour hearing, attaching conditions on parking, flood
protection and a public walkway along the water.

The developer, Tidemark Residential, would keep the cannery’s brick shell and timber frame and
build a new five-story building on the gravel lot next door. Thirty-five of the apartments would
be rented at prices affordable to households earning 60 percent of the area’s median income,
about $52,000 for a family of three.

“This building has been sitting here since before some of our residents were born, waiting for
someone to take a chance on it,” said Planning Board Chair Colette Beaumont. “I think this is
the right chance.”

## Built for the water

Because the site sits in a flood zone, the plan raises the ground floor of the new building
about four feet and puts parking, storage and mechanical equipment above the expected flood
line. The historic cannery, which cannot be raised, would hold a lobby, bike storage and shop
space designed to withstand occasional flooding.

Engineer Tomás Arbeláez, who presented the flood plan for the developer, said the design assumes
water levels about two feet higher than today’s 100-year flood.

“We are designing for the harbor we expect to have in 50 years, not the one we have now,” he
said.

## Neighbors split

Some neighbors on Cannery Flats Road worried the project would crowd a narrow street that
already floods during the highest tides. Lorna Fairbanks, who has lived across the street for 31
years, said she supports new housing but not the number of cars.

“There are 140 apartments, 110 parking spaces and one road in and out,” she said. “I’ve watched
that road go under water.”

Others spoke in favor. Maritza Olumide, a nurse at Gullhaven General Hospital, said she spent
eight months looking for an apartment she could afford near work.

“I ended up 40 minutes away,” she said. “I would love to be able to walk to my job.”

The board’s conditions require the developer to pay for a traffic study, contribute to storm
drain improvements on Cannery Flats Road and keep the walkway open to the public from dawn to
dusk.

The City Council is expected to take up the project within two months. If it is approved,
construction could begin next year and take about two years.
""",
    },
    {
        "slug": "boatyard-to-hire-60-for-research-vessels",
        "headline": (
            "Harbor boatyard to hire 60 workers after winning a contract for three research vessels"
        ),
        "dek": (
            "Bracken Marine Works will build the 78-foot ships for a university consortium, and "
            "Sorrel Point College is expanding its welding program to help fill the jobs."
        ),
        "section": "business",
        "authors": ["henrik-solberg", "priya-nandakumar"],
        "byline_text": "",
        "writer": "henrik-solberg",
        "tags": ["Port of Gullhaven", "Economy"],
        "days_ago": 27,
        "hour": 11,
        "updated_hours_later": None,
        "photo": {
            "motif": "harbor",
            "alt": (
                "Workers in helmets and welding masks work on an aluminum boat hull inside a large "
                "boatbuilding shed."
            ),
            "caption": (
                "Welders work on an aluminum hull at Bracken Marine Works on the east side of the "
                "harbor. The company has won a contract to build three coastal research vessels "
                "and plans to hire about 60 people."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
A boatyard on the east side of Gullhaven’s harbor plans to hire about 60 workers over the next
year after winning a $41 million contract to build three coastal research vessels.

Bracken Marine Works, which has built fishing boats, ferries and workboats in Gullhaven since
1974, will build the 78-foot aluminum ships for the Northern Coast Marine Science Consortium, a
group of universities that studies fisheries and ocean conditions.

It is the largest contract in the company’s history, said co-owner Annika Bracken, whose father
founded the yard.

“My dad used to say we’d know we made it when someone trusted us to build a boat full of
scientists,” she said. “Well, now it’s three.”

The company employs about 140 people. It is looking for welders, marine electricians,
pipefitters, painters and project managers, with starting wages for skilled trades between $26
and $34 an hour, Bracken said.

## Training the workforce

Finding enough welders will be the hardest part. To help, Sorrel Point College will add a second
evening section of its marine welding certificate program next term, doubling capacity to about
36 students a year.

Elliott Fairclough, the college’s dean of workforce programs, said Bracken Marine Works would
lend the college equipment and provide instructors for part of the course.

“Students will be welding the same aluminum alloys they’ll see on the job,” Fairclough said.
“Some of them will be building these boats before they finish the program.”

Gullhaven Public Schools also plans to expand a program that lets high school seniors earn
college credit in welding at the Sorrel Point campus. About 15 students take part now.

Sofía Ibarra, 24, finished the college’s welding certificate last year and now works at the
yard. She said she had been juggling two part-time restaurant jobs before she enrolled.

“I didn’t know anyone who did this for a living,” Ibarra said. “Now I tell everyone I know.”

Work on the first vessel is expected to begin within six months, with all three ships delivered
over about three years. The company said it may need to add a second shift.

Job listings are posted on the [company’s careers
page](https://www.brackenmarine.example/careers).
""",
    },
    {
        "slug": "library-seed-library-gardeners-borrowing-fast",
        "headline": (
            "Gullhaven Public Library adds a seed library, and gardeners are borrowing fast"
        ),
        "dek": (
            "More than 1,100 packets of vegetable, herb and flower seeds went out in the first "
            "month; borrowers are asked to bring back seeds from their harvest."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Library"],
        "days_ago": 29,
        "hour": 13,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
The newest collection at the Gullhaven Public Library doesn’t have call numbers. It has planting
instructions.

The library’s seed library, housed in a restored wooden card catalog near the main branch’s
front desk, lent out more than 1,100 packets of vegetable, herb and flower seeds in its first
month, said adult services librarian Paloma Estrada.

“We thought we might run low by the end of the season,” Estrada said. “We ran low in three
weeks.”

Anyone with a library card can take up to 10 packets a visit. There is no due date. Instead,
borrowers are encouraged, but not required, to let a few plants go to seed and return some of
those seeds after the harvest so others can plant them.

The starting collection of about 60 varieties was donated by the Sorrel County Garden Club and
several local farms. Many are varieties that grow well in the cool, foggy coastal climate,
including a pole bean that gardeners on Wren Island have saved and replanted for at least four
generations.

Retired teacher Bernard Lisowski said he borrowed lettuce, kale and the Wren Island beans.

“My grandmother grew beans from seeds she carried with her when she came to this country,” he
said. “I like the idea of passing something along that way again.”

The library will hold free workshops on seed saving and small-space gardening this month,
including a session for children. Estrada said she hopes to add seeds for native wildflowers
that support bees and butterflies.

“A library is about sharing things that get better when more people use them,” she said. “Seeds
are the perfect example.”

The workshop schedule is on the [library’s events
calendar](https://library.gullhaven.example/events).
""",
    },
    {
        "slug": "coastal-hospitals-team-up-to-train-nurses",
        "headline": "Three coastal hospitals team up to train and keep more nurses in the region",
        "dek": (
            "Hospitals in Quillan Falls, Gullhaven and Marlin Point will share clinical placements "
            "and offer loan help to nurses who stay in the region for three years."
        ),
        "section": "news",
        "authors": [],
        "byline_text": "Desirée Lamont, Bayline News Service",
        "writer": "gullhaven-beacon",
        "tags": ["Hospital", "Sorrel County"],
        "days_ago": 33,
        "hour": 7,
        "updated_hours_later": None,
        "photo": None,
        "source": {
            "name": "Bayline News Service",
            "credit_line": (
                "This story was first published by The Quillan Falls Record and distributed by "
                "Bayline News Service."
            ),
            "original_url": (
                "https://quillanfallsrecord.example/health/hospitals-nurse-training-compact"
            ),
        },
        "body": """\
QUILLAN FALLS — Three hospitals along the coast have agreed to share training slots, instructors
and recruiting money in an effort to ease a nursing shortage that has forced them to close beds
and rely on costly temporary staff.

Under the agreement, Quillan Falls Memorial Hospital, Gullhaven General Hospital and Marlin
Point Community Hospital will pool clinical placements for nursing students from four colleges
in the region, including Sorrel Point College. Nurses hired by any of the three hospitals will
be eligible for up to $15,000 in student loan help if they stay in the region for three years.

“We have been competing with each other for the same small group of nurses, and all three of us
were losing,” said Rosalind Achterberg, chief executive of Quillan Falls Memorial. “This way we
grow the group.”

The hospitals have a combined 140 open nursing positions, according to figures released with the
announcement. Each spent millions of dollars last year on temporary nurses hired through
staffing agencies.

Felix Amankwah, chief nursing officer at Gullhaven General, said students often choose where to
work based on where they trained.

“If a student does a rotation in our emergency department and has a great experience, that’s our
best recruiting tool,” he said. “The more placements we can offer, the more of them stay.”

The agreement also creates a shared pool of experienced nurses who will be paid extra to serve
as preceptors, the mentors who supervise new graduates during their first months on the job.

Tavita Fonoti, a second-year nursing student at Sorrel Point College, said clinical placements
have been hard to find.

“Some of my classmates have had to drive two hours for a clinical shift,” she said. “Having more
options close to home is a big deal when you’re also working.”

The program begins with the next academic year. Hospital leaders said they hope to add more
partners.
""",
    },
    {
        "slug": "harbor-marathon-reroutes-course-road-closures",
        "headline": (
            "Harbor Marathon reroutes its course around bridge work; road closures announced"
        ),
        "dek": (
            "About 3,200 runners are expected, and the new route adds a loop through Signal Hill "
            "and closes parts of Wharf Road and Front Street for up to six hours."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe", "lucia-ferreira"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["Transportation", "Downtown"],
        "days_ago": 36,
        "hour": 16,
        "updated_hours_later": None,
        "photo": {
            "motif": "skyline",
            "alt": (
                "Hundreds of runners cross a bridge over a river with a small downtown skyline in "
                "the background."
            ),
            "caption": (
                "Runners cross the Route 9 bridge during last year’s Gullhaven Harbor Marathon. "
                "This year’s course avoids the Alder Street Bridge, which is scheduled to be "
                "closed for repairs on race day."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The Gullhaven Harbor Marathon will follow a new route this year to avoid the Alder Street
Bridge, which is scheduled to be closed for repairs on race day, organizers announced.

The revised course crosses the Tessary River twice on the Route 9 bridge and adds a loop through
the Signal Hill neighborhood, where runners will face the race’s steepest climb near the 18-mile
mark.

“We’ve been calling it the new hill, and not affectionately,” said race director Corinne Vail.
“Our test runners have been very honest with us about it.”

About 3,200 runners are registered for the marathon, half marathon and 5K, about 10 percent more
than last year. The course remains certified for qualifying times, Vail said.

## Road closures

Gullhaven police will close roads along the course on a rolling basis starting at 6 a.m. Police
Chief Tobias Grennan said the longest closures will be:

- Wharf Road, from the ferry terminal to Beacon Point, 6 a.m. to noon
- Front Street, from Kittiwake Avenue to Pell Street, 6:30 a.m. to 12:30 p.m.
- Signal Hill Road, from Orchard Street to Summit Drive, 8:30 a.m. to 1 p.m.
- One lane in each direction on the Route 9 bridge, 7 a.m. to 1:30 p.m.

“People will be able to get where they’re going, but it will take longer,” Grennan said. “Plan
ahead, and if you can, come out and cheer.”

Residents inside the Signal Hill loop will be able to leave by way of Orchard Street, with
officers directing traffic at crossing points. Gullhaven General Hospital will remain reachable
all morning through its north entrance on Kestrel Avenue.

The Wren Island ferry will run on its normal schedule, but drivers should allow extra time to
reach the terminal.

Vail said organizers moved the start 30 minutes earlier than last year to shorten the time roads
are closed. They also need about 600 volunteers and are still about 150 short.

“Water stations don’t staff themselves,” she said. “Bring a friend, bring a cowbell.”

Volunteers can sign up on the [race website](https://www.harbormarathon.example/volunteer).
""",
    },
    {
        "slug": "column-keep-the-friday-night-doubleheader",
        "headline": "Column: Don’t break up the Friday doubleheader, the best show in town",
        "dek": (
            "A league plan to split girls and boys basketball games across two nights would ease a "
            "referee shortage but cost small-town gyms something harder to replace."
        ),
        "section": "opinion",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["Columns", "High School Sports"],
        "days_ago": 39,
        "hour": 12,
        "updated_hours_later": None,
        "photo": {
            "motif": "stadium",
            "alt": (
                "Spectators pack wooden bleachers in a small high school gym during a basketball "
                "game."
            ),
            "caption": (
                "A full crowd watches a girls and boys basketball doubleheader at Tessary Valley "
                "High School. A Coastal League proposal would move many girls and boys varsity "
                "games to separate nights."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
There is a moment, around 6:45 on a Friday night in a Sorrel County gym, that I have come to
love more than almost anything in sports.

The girls game is in the fourth quarter. The bleachers are filling with people who came early
for the boys game and have found themselves, somewhat to their surprise, on their feet for a
girls team they didn’t plan to watch. The student section is warmed up. The concession stand is
out of hot dogs. For about 20 minutes, the whole town is in one room, cheering for the same
kids.

That moment is at risk.

The Coastal League, which includes all three Sorrel County high schools, is considering a
proposal to schedule most girls and boys varsity basketball games on separate nights starting
next season. League administrators say the change would make it easier to find referees, who are
in short supply, and would spread out the work for school staff.

Those are real problems. The referee shortage is serious, and I don’t envy the athletic
directors who spend their Thursdays calling retired officials to beg for help.

But the doubleheader does something that is hard to measure and easy to lose. It guarantees the
girls teams a real crowd. Split the nights, and I suspect we will see what other places have
seen: a packed gym for one game and a sparse one for the other.

Eastbank coach Tasha Kimura, who has coached girls basketball in this county for 17 seasons, put
it plainly when I asked her about it.

“My players have earned that crowd,” she said. “I don’t want to give it back.”

There are other ways to ease the referee shortage: paying officials more, recruiting and
training younger ones, and sharing crews across more flexible start times. The league should try
those first.

Some Fridays, the best show in town costs $5 and comes with a lukewarm hot dog. Let’s keep it
that way.

*Jamal Whitcombe is the sports editor of The Gullhaven Beacon.*
""",
    },
    {
        "slug": "small-cruise-ship-visits-double",
        "headline": (
            "Small cruise ship visits double in Gullhaven, lifting downtown shops and hotels"
        ),
        "dek": (
            "The port expects 34 calls from expedition ships carrying 100 to 250 passengers this "
            "year, and merchants say the visitors spend more than day-trippers."
        ),
        "section": "business",
        "authors": ["henrik-solberg"],
        "byline_text": "",
        "writer": "henrik-solberg",
        "tags": ["Economy", "Port of Gullhaven", "Downtown"],
        "days_ago": 41,
        "hour": 14,
        "updated_hours_later": None,
        "photo": {
            "motif": "skyline",
            "alt": (
                "A small white passenger ship is docked beside a pier, with brick downtown "
                "buildings and a church steeple behind it."
            ),
            "caption": (
                "A small expedition ship carrying about 180 passengers ties up at Pier 3 in "
                "Gullhaven’s inner harbor. The port expects 34 such visits this year, about double "
                "last year’s total."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Gullhaven will host 34 visits from small cruise ships this year, about double last year’s total,
as operators of expedition-style vessels add the city to their coastal routes.

The ships, which carry between 100 and 250 passengers, are small enough to dock at Pier 3 in the
inner harbor, a short walk from downtown. Larger cruise ships cannot enter the harbor.

“These are exactly the visitors we want,” said Bernadette Kwan, executive director of Visit
Gullhaven, the city’s tourism bureau. “They come ashore, they walk, they eat lunch, they buy a
painting. Then they leave before anyone has time to be annoyed about traffic.”

A survey commissioned by the bureau found that cruise passengers spent an average of $142 each
on shore, more than twice as much as day-trippers who arrive by car. Hotels benefit too, because
many passengers arrive a night early to board.

Hotel occupancy in Gullhaven rose to 71 percent last year from 64 percent the year before,
according to the bureau.

At Wickerby’s Gallery on Lantern Street, owner Fatima Zahra Benali said ship days are now among
her busiest.

“I check the ship schedule before I check the weather,” she said.

The port collects a fee of $9 per passenger, which brought in about $48,000 last year. Port
officials said the money goes toward maintenance at Pier 3.

Not everyone is enthusiastic. Some residents have raised concerns about exhaust from ships
running their engines at the pier. Councilor Greta Lindahl has asked the port to study shore
power, which would let ships plug in instead of idling while docked.

“If we’re going to grow this, let’s grow it cleanly,” Lindahl said.

Port officials said shore power at Pier 3 would cost an estimated $6 million and that they are
looking for grants. The first ship visit of the year is expected next month.
""",
    },
    {
        "slug": "artists-chosen-for-river-walk-floodwall-mural",
        "headline": "Two artists chosen to paint a 200-foot mural on the Tessary River floodwall",
        "dek": (
            "The design, picked from 48 proposals, follows the river from the hills to the harbor, "
            "with figures drawn from photographs that residents sent in."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Arts", "Tessary River", "Downtown"],
        "days_ago": 45,
        "hour": 10,
        "updated_hours_later": None,
        "photo": {
            "motif": "river",
            "alt": (
                "Two artists on a scaffold test bright paint colors on a long gray concrete wall "
                "beside a river."
            ),
            "caption": (
                "Artists Lowell Abiodun and Catalina Reyes-Ortiz test colors on a section of the "
                "floodwall along the Tessary River Walk. Their design, chosen from 48 proposals, "
                "will cover about 200 feet of the wall."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
A long gray floodwall that runs along the Tessary River Walk downtown is about to become the
largest piece of public art in Gullhaven.

The city’s Public Art Commission has chosen a design by artists Lowell Abiodun and Catalina
Reyes-Ortiz for a 200-foot mural on the concrete wall between the Alder Street Bridge and
Riverside Park. Their proposal was selected from 48 submissions from artists across the region.

The mural will follow the river from its source in the hills to its mouth at Gullhaven Bay, with
scenes of fishing, farming, rowing and the city’s old sawmills along the way. Many of the people
in it will be based on photographs submitted by residents.

“We asked people to send us pictures of themselves, their parents, their grandparents on this
river,” Reyes-Ortiz said. “We got almost 300. Some of them will be up there, 10 feet tall.”

Abiodun, who grew up in Eastbank, said the wall had always seemed like a blank page.

“When I was a kid, it was just the thing between us and the water,” he said. “I’d like kids now
to look at it and see themselves.”

The $85,000 project is paid for through the city’s percent-for-art program, which sets aside 1
percent of the cost of major public construction for artwork, and a grant from the Sorrel County
Arts Council.

Commission chair Lionel Marchand said the artists will use paint made for outdoor concrete and
an anti-graffiti coating, and that the mural should last at least 15 years.

Painting is expected to begin next month and take about 10 weeks, weather permitting. The
artists plan several community painting days when residents can help fill in parts of the
design. Sign-ups are open through the [Public Art
Commission](https://arts.gullhaven.example/river-mural).
""",
    },
    {
        "slug": "sorrel-county-to-replace-911-dispatch-system",
        "headline": "Sorrel County to replace its 19-year-old 911 dispatch system within a year",
        "dek": (
            "The $3.2 million upgrade will let dispatchers receive text messages and photos and "
            "share call details with police, fire and ambulance crews as they drive."
        ),
        "section": "news",
        "authors": ["lucia-ferreira"],
        "byline_text": "",
        "writer": "lucia-ferreira",
        "tags": ["Sorrel County", "Public Safety"],
        "days_ago": 48,
        "hour": 17,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
Sorrel County commissioners have approved a $3.2 million contract to replace the computer system
the county’s 911 center uses to answer emergency calls and send police, fire and ambulance
crews.

The current system was installed 19 years ago and is no longer supported by its maker, said
Emergency Communications Director Bartholomew Nakashima. Dispatchers have had to fall back on
paper when it crashes, which happened four times last year for up to 40 minutes at a time.

“Nobody calling 911 ever noticed, because our dispatchers are very good with pen and paper,”
Nakashima said. “But they shouldn’t have to be.”

The new system will let callers send text messages, photos and short videos to 911, and will
show dispatchers the location of every police car, fire engine and ambulance in the county on a
single map. It will also send call details directly to screens in responders’ vehicles.

The county center handles about 94,000 calls a year for Gullhaven, six smaller towns and
unincorporated areas.

Commissioners approved the contract 4-1. Commissioner Gwendolyn Marsh voted against it, saying
she wanted the county to explore a shared system with neighboring counties first.

“I’m not against the upgrade,” Marsh said. “I just think three counties buying three systems
that don’t talk to each other is a mistake we’ll regret.”

Nakashima said the new system can exchange data with neighboring dispatch centers, and that
Ashgrove County is considering the same product.

Training for the county’s 42 dispatchers will begin in about six months, and the system is
expected to be running within a year. Text-to-911 will be available once it is; until then,
residents should call.
""",
    },
    {
        "slug": "small-colleges-weigh-merging-athletic-conferences",
        "headline": (
            "Small coastal colleges weigh merging their athletic conferences to cut travel costs"
        ),
        "dek": (
            "Presidents of 13 schools will vote on a plan to form a single league with two "
            "divisions, trimming bus trips that can stretch to seven hours."
        ),
        "section": "sports",
        "authors": [],
        "byline_text": "Colm Varga, Bayline News Service",
        "writer": "gullhaven-beacon",
        "tags": ["College Sports"],
        "days_ago": 52,
        "hour": 9,
        "updated_hours_later": None,
        "photo": {
            "motif": "stadium",
            "alt": (
                "Spectators in winter coats sit in small wooden bleachers watching a college game "
                "on a cloudy afternoon."
            ),
            "caption": (
                "Spectators watch a home game at Carrow Technical College, one of six schools in "
                "the Bayline Athletic Conference considering a merger with a neighboring "
                "conference to cut travel time and costs."
            ),
            "photographer": "Sunniva Halloran",
            "agency": "Bayline News Service",
        },
        "source": {
            "name": "Bayline News Service",
            "credit_line": (
                "This story was first published by The Carrow County Herald and distributed by "
                "Bayline News Service."
            ),
            "original_url": "https://carrowherald.example/sports/colleges-weigh-conference-merger",
        },
        "body": """\
CARROW — For the volleyball team at Carrow Technical College, a conference road trip can mean
seven hours on a bus, a night in a motel and a morning quiz taken in a hotel breakfast room.

“Our players are very good at studying on buses,” said athletic director Gideon Rasmussen. “I
would like them to be a little less good at it.”

Presidents of 13 small colleges along the coast will vote next month on a plan to merge two
athletic conferences, the six-member Bayline Athletic Conference and the seven-member Coastal
Plains Collegiate Conference, into a single league with two divisions drawn to keep most trips
under three hours.

A consultant’s study commissioned by both conferences estimated the schools would together save
about $1.4 million a year on travel, lodging and meals. Athletes would miss an estimated 30
percent fewer class days.

Sorrel Point College President Constance Oyelaran said she supports the idea but wants to
protect long-standing rivalries.

“Sorrel Point and Carrow Tech have played each other in basketball for 60 years,” Oyelaran said.
“Any plan that ends that is going to get a lot of phone calls to my office.”

The draft plan would keep such games as protected matchups between the two divisions.

Some coaches worry that a larger league would make it harder to win a championship and reach
national tournaments, which typically give automatic bids to conference champions. Merging two
conferences could mean one fewer automatic bid for the region.

“We’d be trading a shorter bus ride for a smaller door into the postseason,” said Dalia Kovacs,
women’s basketball coach at Marlin Point College. “That’s a real tradeoff, and players should
have a say.”

Student-athlete advisory committees at several schools have surveyed athletes. At Carrow Tech,
71 percent of those who responded favored the merger.

Thaddeus Boateng, a junior distance runner at Sorrel Point, said he has missed two labs this
term for meets.

“I love competing. I don’t love emailing my professors every other week to apologize,” he said.

If approved, the new conference would begin play in two years. The draft plan is posted on the
[Bayline Athletic Conference website](https://www.baylineathletics.example/realignment).
""",
    },
    {
        "slug": "editorial-restore-sunday-library-hours",
        "headline": "Editorial: Sunday library hours are a small cost with a large return",
        "dek": (
            "The City Council should reopen the main library on Sundays in the next budget. The "
            "$185,000 price buys far more than it costs."
        ),
        "section": "opinion",
        "authors": [],
        "byline_text": "The Editorial Board",
        "writer": "gullhaven-beacon",
        "tags": ["Editorials", "Library", "City Council"],
        "days_ago": 57,
        "hour": 8,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
The main branch of the Gullhaven Public Library has been closed on Sundays for nine years, since
the city cut weekend hours in a lean budget year and never restored them.

It is time to fix that.

City Manager Conrad Beale’s preliminary budget, released this month, includes a request from the
library to reopen the main branch from noon to 5 p.m. on Sundays at an estimated cost of about
$185,000 a year, mostly for staff. The request is listed as a “possible addition,” which means
it could be cut before the council votes.

The council should keep it.

Sunday is the day many working families have free. It is the day a parent who works two jobs can
bring a child to pick out books, the day a job seeker without internet at home can use a
computer without rushing, and the day a retiree who lives alone might otherwise speak to no one.

Library use in Gullhaven has grown steadily over the past five years. Checkouts rose 12 percent
last year, and the library’s public computers are booked most afternoons. The Eastbank branch,
which is open on Saturdays, is routinely crowded.

To put the cost in perspective: $185,000 is less than one-tenth of 1 percent of the city’s
operating budget. It is roughly what the city spends each year to maintain two downtown parking
lots.

We understand the pressure on the budget. Health insurance costs are rising, and the council
faces real choices about its reserves and the seawall. But a library is one of the few public
places open to everyone, free, with no questions asked about why you are there.

Restore the Sunday hours. They are one of the best bargains in the budget.
""",
    },
    {
        "slug": "downtown-parking-meters-going-cashless",
        "headline": (
            "Downtown parking meters will go cashless, and merchants are divided over the change"
        ),
        "dek": (
            "The city will replace 640 coin meters with pay stations and a phone app; some shop "
            "owners worry older customers will stay away."
        ),
        "section": "business",
        "authors": ["kwame-ellison"],
        "byline_text": "",
        "writer": "kwame-ellison",
        "tags": ["Downtown", "City Council", "Small Business"],
        "days_ago": 63,
        "hour": 19,
        "updated_hours_later": None,
        "photo": None,
        "source": None,
        "body": """\
Gullhaven will replace all 640 coin-operated parking meters downtown and in the Harbor District
with card-reading pay stations and a phone app over the next four months, the City Council
decided this week.

The council voted 5-2 to approve a $1.1 million contract for 92 solar-powered pay stations.
Drivers will be able to pay with a credit or debit card at the stations, through the app or by
text message. Coins will not be accepted.

Parking Manager Sunil Vadakkan said the city’s coin meters are more than 15 years old and break
often. Collecting and counting coins costs the city about $120,000 a year in staff time.

“We’re spending a lot of money to handle a lot of quarters,” Vadakkan said. “And a broken meter
is a meter nobody pays.”

Rates will stay at $1.50 an hour, with a two-hour limit on most downtown blocks. The app will
send a reminder before time runs out and let drivers add time from their phones, up to the
limit.

Merchants are divided. Aurelia Santangelo of the Downtown Gullhaven Partnership said most of the
group’s members support the change, in part because customers will no longer have to hunt for
change.

Councilors Darnell Fitch and Alma Restrepo voted against the contract, saying they had heard
from older residents who do not have smartphones or prefer to pay with cash.

“Not everyone carries a card, and not everyone wants to,” Restrepo said. “A public street should
be usable by the whole public.”

Bookstore owner Ignatius Poole said many of his regular customers are retirees.

“Some of them already think downtown is a hassle,” he said. “I don’t want this to be the thing
that tips them toward staying home.”

City staff said residents will be able to buy prepaid parking cards with cash at City Hall and
at the library, and that using the app will not be required.
""",
    },
    {
        "slug": "quilts-by-fishing-families-go-on-tour",
        "headline": "Quilts made by generations of fishing families go on tour along the coast",
        "dek": (
            "“Stitched by the Tide” brings together 42 quilts, some sewn from old work shirts and "
            "flour sacks, and will stop in Marlin Point and Gullhaven."
        ),
        "section": "arts-culture",
        "authors": [],
        "byline_text": "Pilar Esquivel, Bayline News Service",
        "writer": "gullhaven-beacon",
        "tags": ["Arts", "Sorrel County"],
        "days_ago": 77,
        "hour": 11,
        "updated_hours_later": None,
        "photo": {
            "motif": "hall",
            "alt": (
                "Colorful handmade quilts hang on white gallery walls as a few visitors look at "
                "them."
            ),
            "caption": (
                "Visitors view quilts made by fishing families at the Quillan Falls Historical "
                "Society. The exhibit, “Stitched by the Tide,” includes 42 quilts made over about "
                "150 years and will travel to Marlin Point and Gullhaven."
            ),
            "photographer": "Aurelio Brandt",
            "agency": "Bayline News Service",
        },
        "source": {
            "name": "Bayline News Service",
            "credit_line": (
                "This story was first published by The Quillan Falls Record and distributed by "
                "Bayline News Service."
            ),
            "original_url": "https://quillanfallsrecord.example/arts/stitched-by-the-tide-quilts",
        },
        "body": """\
QUILLAN FALLS — One of the quilts in “Stitched by the Tide” is made almost entirely from a
fisherman’s worn-out work shirts. Another was sewn from flour sacks during a hard winter when
the boats could not go out. A third, made in the 1990s, uses scraps of yellow rain gear and blue
netting.

The exhibit, which opened at the Quillan Falls Historical Society this week, gathers 42 quilts
made by women and men from fishing families along the coast over about 150 years. After three
months here, it will travel to the Marlin Point Public Library and the Sorrel County Maritime
Museum in Gullhaven.

Curator Beatrix Holm spent three years finding the quilts, most of them still owned by the
families that made them.

“Every one of these came out of a closet or a cedar chest,” Holm said. “People would say, ‘Oh,
it’s just Grandma’s old quilt.’ Then they’d unfold it and tell me a story for an hour.”

Each quilt hangs beside a short recorded interview with a family member, which visitors can play
on their phones by scanning a code on the wall label.

Vera Sorensen, 88, of Marlin Point, lent three quilts made by her mother and aunts in the 1940s
and ’50s. She said they were always meant to be used, not admired.

“We slept under these. We wrapped babies in them. One of them went out on my father’s boat every
season for 20 years,” Sorensen said. “I never thought I’d see them hanging in a museum.”

Holm said the quilts show how fishing families lived, from the fabrics they could afford to the
patterns they traded with one another. Several use a design of overlapping curves known locally
as “the wake,” which appears to have spread from one harbor to the next.

“You can almost trace the coast road through the quilts,” she said.

The exhibit is free. It will be on view at the Sorrel County Maritime Museum for six weeks later
this year; dates will be announced on the [museum’s
website](https://www.sorrelmaritime.example/exhibits).
""",
    },
    {
        "slug": "tessary-river-is-gullhavens-main-street",
        "headline": "The Tessary River has always been Gullhaven’s real main street",
        "dek": (
            "Long before Front Street or Route 9, the river carried the city’s logs, fish and "
            "people. It deserves to be treated as more than a view."
        ),
        "section": "opinion",
        "authors": ["adaeze-morrow"],
        "byline_text": "",
        "writer": "adaeze-morrow",
        "tags": ["Columns", "Tessary River", "Environment"],
        "days_ago": 88,
        "hour": 7,
        "updated_hours_later": None,
        "photo": {
            "motif": "river",
            "alt": (
                "A wooden footbridge crosses a slow river lined with trees, with old brick "
                "warehouses in the distance."
            ),
            "caption": (
                "The Tessary River Walk near Riverside Park, where the old sawmill canal once "
                "joined the river. The path now runs nearly two miles from Route 9 to the harbor."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Ask people in Gullhaven to name the city’s main street and you will get a friendly argument.
Front Street, some say. Lantern Street, say others. A few will name Route 9, because that is
where the traffic is.

I have a different answer. Gullhaven’s main street is the Tessary River, and it has been for as
long as there has been a Gullhaven.

The river is why the city is here. Before there was a harbor worth the name, there were canoes
on the Tessary, and then log rafts floating down from the hills to the sawmills that once lined
the lower river. The canneries came next, and the fishing boats, and the ferries. For a century,
nearly everything that arrived in Gullhaven or left it traveled on or beside this water.

Somewhere along the way, the city turned its back on the river. Warehouses and parking lots
filled the banks. The river became something you crossed on the way to somewhere else.

That has been changing. The River Walk now runs nearly two miles from Route 9 to the harbor.
Rowing crews from Sorrel Point College are on the water at dawn. The old sawmill canal at
Riverside Park has been cleared, and herons have moved back in.

But I worry we still think of the river mostly as scenery, something nice to look at from a
restaurant patio, rather than as the living system that shapes the city’s future.

The Tessary floods. It carries runoff from farms, roads and parking lots into the bay where our
oysters grow. It will rise higher as the sea rises. Every decision the city makes about building
along the banks, about stormwater, about bridges and floodwalls, is a decision about the river.

I’d like to see the city and county treat it that way, with a single plan for the whole lower
Tessary, written with the people who live along it, fish it, row on it and farm upstream of it.
Today, responsibility is split among at least five agencies, and no one is in charge of the
whole.

A main street needs someone looking after it. So does a river.

*Adaeze Morrow is the opinion editor of The Gullhaven Beacon.*
""",
    },
    {
        "slug": "noor-saleem-wins-state-wrestling-title",
        "headline": "Tessary Valley’s Noor Saleem wins the state wrestling title at 132 pounds",
        "dek": (
            "The junior, who started wrestling four years ago as a practice partner for a friend, "
            "is the school’s first state champion after a 5-3 decision in the final."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": ["High School Sports"],
        "days_ago": 117,
        "hour": 20,
        "updated_hours_later": None,
        "photo": {
            "motif": "stadium",
            "alt": (
                "A referee raises the arm of a high school wrestler in a red singlet on a mat "
                "inside a large arena."
            ),
            "caption": (
                "Tessary Valley High School junior Noor Saleem has his hand raised after winning "
                "the 132-pound state championship. Saleem is the first state wrestling champion in "
                "the school’s history."
            ),
            "photographer": "Lena Okoro",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Noor Saleem started wrestling as an eighth grader because a friend needed a practice partner.

Four years later, the Tessary Valley High School junior is a state champion.

Saleem beat senior Wyatt Kowalczyk of Corliss Ridge High School 5-3 in the 132-pound final,
scoring a takedown with 20 seconds left in the third period to break a 3-3 tie. He is the first
state wrestling champion in the history of Tessary Valley, which opened 27 years ago.

“I was tired, he was tired, and I just thought, whoever wants it more,” Saleem said. “I wanted
it more.”

Saleem finished the season 41-2. Both losses came early in the season against wrestlers from
larger schools, and he avenged one of them in the state semifinals.

Tessary Valley coach Brendan Szabo said Saleem is among the hardest-working athletes he has
coached.

“He asks for extra rounds when everybody else is heading to the showers,” Szabo said. “Honestly,
sometimes I have to send him home.”

Saleem’s parents run a small grocery on Route 9, and his father, Karim, closed the store for the
first time in eight years to make the trip.

“I had never seen a wrestling match before this year,” Karim Saleem said. “Now I know all the
rules. I still can’t watch the last minute.”

Two other Sorrel County wrestlers placed at the tournament. Gullhaven High senior Rosa
Villanueva finished third in the girls 114-pound bracket, and Eastbank sophomore Tyrell Oakes
was fifth at 150 pounds.

Saleem said his goal next season is to defend his title and to help more of his teammates reach
the state tournament.

“It’s more fun when you’re not the only one on the bus,” he said.
""",
    },
    {
        "slug": "voters-approve-harbor-seawall-bond",
        "headline": "Gullhaven voters approve $46 million bond to rebuild the harbor seawall",
        "dek": (
            "The measure passed with about 61 percent of the vote, paying for the first phase of a "
            "project to replace a century-old bulkhead in the Harbor District."
        ),
        "section": "news",
        "authors": ["kwame-ellison"],
        "byline_text": "",
        "writer": "kwame-ellison",
        "tags": ["Harbor", "City Council"],
        "days_ago": 430,
        "hour": 21,
        "updated_hours_later": None,
        "photo": {
            "motif": "hall",
            "alt": (
                "A crowd holding campaign signs cheers inside a community hall as election results "
                "appear on a screen."
            ),
            "caption": (
                "Supporters of the harbor seawall bond cheer as early results are posted at the "
                "Harbor District Community Hall on election night. The measure pays for the first "
                "phase of a new wall between the ferry terminal and Pier 4."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
Gullhaven voters approved a $46 million bond to rebuild the first section of the city’s harbor
seawall, giving the city the money to replace the crumbling bulkhead along the north side of the
Harbor District.

With all 14 precincts reporting, the measure passed with about 61 percent of the vote, according
to unofficial results from the Sorrel County elections office.

The bond will pay for about 2,400 feet of new seawall between the ferry terminal and Pier 4,
built roughly three feet higher than the current wall. Parts of the existing bulkhead date to
the 1910s, when the harbor was filled and built up to serve the city’s canneries and lumber
docks.

“People in this city understand the harbor is not just scenery,” Mayor Ines Calloway told
supporters at the Harbor District Community Hall. “It’s jobs, it’s the ferry, it’s our front
door. Tonight they voted to protect it.”

The bond will cost the owner of a median-priced home about $74 a year for 25 years, according to
city estimates.

Opponents, organized as Citizens for a Smarter Seawall, argued the city should have waited for
more outside money and questioned whether a taller wall would push water into neighboring
streets. Their spokesperson, retired civil engineer Owen Mackintosh-Bell, said the group would
watch the project closely.

“The voters have spoken, and we respect that,” he said. “Now the city has to build it right and
build it on budget.”

Design work is expected to take about a year, with construction to follow in stages so the ferry
and the port can keep operating. The second phase, along Front Street on the south side of the
Harbor District, is not funded.

City Manager Conrad Beale said the city would pursue grants for that section.

“This is a big first step,” Beale said. “It isn’t the last one.”
""",
    },
    {
        "slug": "jazz-on-the-pier-marks-25th-season",
        "headline": "Jazz on the Pier marks 25 seasons with its longest lineup yet",
        "dek": (
            "The free evening concert series, which began on a borrowed flatbed trailer, will "
            "present 14 bands, including three that played its very first season."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Music", "Harbor"],
        "days_ago": 512,
        "hour": 18,
        "updated_hours_later": None,
        "photo": {
            "motif": "night",
            "alt": (
                "A jazz quintet plays on an outdoor stage at the end of a pier at dusk, under "
                "strings of lights."
            ),
            "caption": (
                "The Lantern Street Five performs on the Pier 2 stage on the opening night of Jazz "
                "on the Pier. Organizers expect more than 20,000 people to attend the free series "
                "in its 25th season."
            ),
            "photographer": "Tomasz Abernathy",
            "agency": "The Gullhaven Beacon",
        },
        "source": None,
        "body": """\
The first Jazz on the Pier concert, 25 years ago, took place on a flatbed trailer borrowed from
a lumber yard, with folding chairs for about 200 people and a single string of lights.

This season, the free series will present 14 evening concerts on its permanent stage at the end
of Pier 2, and organizers expect more than 20,000 people over the run.

“We used to worry that nobody would come,” said founder Clarence DuBois, a retired music teacher
who still introduces every band. “Now we worry about where everybody will sit.”

The anniversary lineup includes three groups that played the first season, among them the
Lantern Street Five, a quintet whose members are now in their 60s and 70s, and a big band made
up of current and former students from Gullhaven High School’s jazz program, which DuBois led
for 28 years.

The series is run by volunteers and paid for by donations and small sponsorships from waterfront
businesses. The musicians are paid, DuBois said, a rule he set from the start.

“Free for the audience doesn’t mean free for the players,” he said. “That’s never going to
change.”

Saxophonist Ruth Adeyemi, 27, who now performs professionally, said she first played the pier
stage at 15 as a member of the student big band.

“I remember looking out and seeing the ferry coming in behind the crowd and thinking, this is
the best place in the world to play,” she said. “I still think that.”

Concerts begin at 7 p.m., and audience members are encouraged to bring a chair or blanket. The
full schedule is posted on the [series website](https://www.jazzonthepier.example/schedule).
""",
    },
]


# The front page as the demo's desk set it: the lead, then the top stories in order. The
# newest story is not always the day's lead.
FRONT_PAGE = [
    "storm-surge-floods-lower-harbor-district",
    "city-council-approves-budget-harbor-patrol-library-hours",
    "port-reports-record-seafood-exports-new-crane",
    "gullhaven-edges-eastbank-reclaims-harbor-cup",
]

# The paper's standing pages, linked from the footer. Invented, like everything in the demo.
PAGES = [
    {
        "slug": "about",
        "title": "About the Beacon",
        "summary": "Who we are, what we cover and who owns the paper.",
        "body": """The Gullhaven Beacon has reported on Gullhaven and Sorrel County every day since
1911. We cover the city council and the county board, the schools, the harbor and its
businesses, the courts, local sports and the arts.

The Beacon is owned by the Sorrel County Press Trust, a nonprofit whose board has no say over
what we report. Our newsroom has eleven full-time journalists.

## How to reach us

See [Contact](/about/contact/) for the newsroom's telephone number and addresses.
""",
    },
    {
        "slug": "contact",
        "title": "Contact",
        "summary": "How to reach the newsroom, send a tip or ask for a correction.",
        "body": """- **News tips:** tips@beacon.example, or call the newsroom at 555-0142.
- **Corrections:** corrections@beacon.example. Tell us what is wrong and where.
- **Letters to the editor:** letters@beacon.example, 250 words at most, with your name and town.
- **Post:** The Gullhaven Beacon, 14 Quay Street, Gullhaven.

The newsroom answers the telephone from 8 a.m. to 10 p.m. every day.
""",
    },
    {
        "slug": "staff",
        "title": "Staff",
        "summary": "The people who report, edit and photograph the news.",
        "body": """## Editors

- Teodora Vance, executive editor
- Adaeze Morrow, opinion editor

## Reporters and photographers

Every reporter has a page of their own: follow the name under any story to find their beat,
their email and their latest work.
""",
    },
    {
        "slug": "ethics",
        "title": "Ethics and corrections policy",
        "summary": "The standards we hold ourselves to, and how we fix mistakes.",
        "body": """We report fairly and check what we publish. We name our sources whenever we
can, and say why when we cannot. Reporters do not cover organizations they belong to or
people they are related to.

## Corrections

When we get something wrong we correct it in the story, with a note at the end saying what
changed and when. Every correction is also listed on our [corrections page](/corrections/).
We do not remove stories because they are unwelcome; we update them when there is news.
""",
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "summary": "What we keep about readers, and for how long.",
        "body": """Reading the Beacon sets no cookie and needs no account. When you comment we
keep your name, your email address (never shown) and your comment. Spam is deleted after 30
days. We do not sell or share readers' details, and our pages load nothing from advertising
networks.

Write to privacy@beacon.example to see or delete what we hold about you.
""",
    },
    {
        "slug": "terms",
        "title": "Terms of use",
        "summary": "The rules for using the site and its comments.",
        "body": """Our stories and photos belong to the Beacon or to the agencies credited with
them; you may quote and link to them, not republish them whole without permission.

Comments are moderated. We remove comments that attack people, spread others' private
details or advertise. Repeated abuse ends in a ban.
""",
    },
]
