"""The demo newsroom's Spanish edition: section and tag names, and stories in Spanish, some of
them translations of English stories in :mod:`masthead.demo.content`.

Fiction written for Masthead's demo, like the English stories: Gullhaven, its people and its
businesses are invented. A story with ``translation_of`` is linked to that English story as its
Spanish version; the others are published in Spanish only.
"""

SECTIONS = {
    "news": {"name": "Noticias", "slug": "noticias"},
    "business": {"name": "Negocios", "slug": "negocios"},
    "sports": {"name": "Deportes", "slug": "deportes"},
    "arts-culture": {"name": "Arte y cultura", "slug": "arte-y-cultura"},
    "opinion": {"name": "Opinión", "slug": "opinion"},
}

TAGS = {
    "Weather": {"name": "Tiempo", "slug": "tiempo"},
    "Harbor": {"name": "Puerto", "slug": "puerto"},
    "Tessary River": {"name": "Río Tessary", "slug": "rio-tessary"},
    "Public Safety": {"name": "Seguridad pública", "slug": "seguridad-publica"},
    "City Council": {"name": "Concejo Municipal", "slug": "concejo-municipal"},
    "Library": {"name": "Biblioteca", "slug": "biblioteca"},
    "Small Business": {"name": "Pequeños negocios", "slug": "pequenos-negocios"},
}

STORIES = [
    {
        "slug": "marejada-inunda-el-bajo-distrito-del-puerto",
        "translation_of": "storm-surge-floods-lower-harbor-district",
        "headline": "Marejada inunda el bajo distrito del puerto y el río Tessary se desborda",
        "dek": (
            "Los comercios de Front Street amanecieron con agua, el transbordador de Wren Island "
            "dejó de navegar y unos 4,100 clientes se quedaron sin luz; esta tarde llega otra "
            "marea alta."
        ),
        "section": "news",
        "authors": ["lucia-ferreira", "samir-haddad"],
        "byline_text": "",
        "writer": "lucia-ferreira",
        "tags": ["Weather", "Harbor", "Tessary River", "Public Safety"],
        "days_ago": 0,
        "hour": 11,
        "body": """\
Una marejada empujada por vientos de temporal sobrepasó el malecón del puerto esta madrugada,
inundó el bajo distrito del puerto, detuvo el transbordador de Wren Island y dejó sin
electricidad a unos 4,100 hogares y comercios de Gullhaven.

El agua alcanzó su punto más alto poco después de las 5 a. m., unos 2.3 pies por encima del
malecón al final de la avenida Kittiwake, según el mareógrafo del Puerto de Gullhaven. A la
misma hora, el río Tessary llegó a 14.6 pies en el puente de la calle Alder, más de un pie por
encima del nivel de inundación, cuando el agua de dos días de lluvia se encontró con la marea.

Hasta media mañana no se había informado de heridos. Los bomberos usaron una lancha inflable
para ayudar a 11 personas a salir de apartamentos en la planta baja de Ropewalk Lane antes del
amanecer, dijo la jefa de bomberos Marguerite Lindqvist.

“La marejada llegó más rápido de lo que anunciaban los modelos, y llegó encima de un río que ya
estaba lleno”, dijo Lindqvist. “Ahora necesitamos que la gente no se meta en el agua y nos deje
trabajar”.

## Lo que está cerrado

Las autoridades de la ciudad y del condado informaron de estos cierres a las 10 a. m.:

- Front Street entre la avenida Kittiwake y la calle Pell
- Wharf Road desde la terminal del transbordador hasta el muelle 4
- River Road entre Riverside Park y el puente de la Ruta 9
- El transbordador de Wren Island, sin salidas antes de las 6 p. m.

## Qué hacer esta tarde

La próxima marea alta se espera cerca de las 5:40 p. m. La ciudad pide a los residentes del bajo
distrito del puerto que muevan sus autos a terrenos altos y que no crucen calles inundadas, ni
a pie ni en auto. El refugio de la escuela intermedia Signal Hill abrirá a las 3 p. m. para
quien lo necesite.
""",
    },
    {
        "slug": "concejo-aprueba-presupuesto-patrulla-del-puerto-y-biblioteca",
        "translation_of": "city-council-approves-budget-harbor-patrol-library-hours",
        "headline": (
            "El Concejo aprueba un presupuesto con más patrulla en el puerto y la biblioteca "
            "abierta los domingos"
        ),
        "dek": (
            "La votación de 6 a 1 añade dos agentes a la patrulla del puerto y reabre la "
            "biblioteca principal los domingos sin subir la contribución sobre la propiedad."
        ),
        "section": "news",
        "authors": ["kwame-ellison"],
        "byline_text": "",
        "writer": "kwame-ellison",
        "tags": ["City Council", "Library", "Harbor"],
        "days_ago": 2,
        "hour": 21,
        "body": """\
El Concejo Municipal de Gullhaven aprobó esta noche un presupuesto operativo de $214 millones
para el próximo año fiscal. El plan añade dos agentes a la patrulla del puerto de la policía,
reabre la biblioteca principal los domingos y mantiene la tasa de la contribución sobre la
propiedad por tercer año consecutivo.

La votación fue de 6 a 1. El concejal Darnell Fitch, que representa al Distrito 4 en Eastbank,
votó en contra porque, según dijo, el plan depende demasiado de los ahorros de la ciudad.

El presupuesto es alrededor de un 3.8 por ciento mayor que el de este año. La mayor parte del
aumento cubre los aumentos de sueldo negociados con los empleados municipales y el costo más
alto del seguro médico, el combustible y la sal para las carreteras, explicó la directora de
Finanzas, Wen Zhao-Patterson.

“Es un presupuesto de mantenimiento con algunas adiciones puntuales”, dijo Zhao-Patterson. “No
vamos a empezar nada grande. Queremos mantener en buen estado lo que ya tenemos”.

## Lo que cambia

- Dos agentes para la patrulla del puerto y un segundo turno de lancha, unos $310,000 al año
- Horario de domingo, del mediodía a las 5 p. m., en la biblioteca principal, unos $185,000
- Una segunda brigada de barrido de calles para el centro y el distrito del puerto
- $450,000 para el diseño de la segunda fase del rompeolas del puerto
""",
    },
    {
        "slug": "el-mercado-de-los-sabados-se-muda-al-muelle-2",
        "translation_of": "saturday-market-moving-to-pier-2",
        "headline": "El mercado de los sábados se muda al muelle 2",
        "dek": (
            "Con 22 años y sin espacio en Courthouse Square, el mercado alquilará al puerto el "
            "terreno frente al agua por $1 al año durante cinco años."
        ),
        "section": "business",
        "authors": ["henrik-solberg"],
        "byline_text": "",
        "writer": "henrik-solberg",
        "tags": ["Small Business", "Harbor"],
        "days_ago": 11,
        "hour": 13,
        "body": """\
El Mercado de los Sábados de Gullhaven, que desde hace 22 años llena el estacionamiento detrás
de Courthouse Square, se muda a la orilla del agua.

A partir del mes próximo, el mercado se instalará en el terreno del muelle 2, junto a Wharf Road,
un área pavimentada del doble de tamaño. El Puerto de Gullhaven acordó alquilar el terreno a la
organización sin fines de lucro que organiza el mercado por $1 al año, en un acuerdo de cinco
años aprobado por la Comisión del Puerto.

La gerente del mercado, Yolanda Nash, dijo que desde hace tres años hay una lista de espera de
más de 40 vendedores.

“Estábamos rechazando agricultores, que es lo último que debe hacer un mercado agrícola”, dijo
Nash. “Esto nos da espacio para unos 30 puestos más y, por fin, suficiente estacionamiento”.

El nuevo lugar tendrá espacio para 110 vendedores, un área techada para música en vivo y mesas
de pícnic frente al puerto. Los camiones de comida, que no se permitían por falta de espacio,
tendrán una fila propia. La empresa de transporte del condado añadirá una parada en el muelle 2
los días de mercado.
""",
    },
    {
        "slug": "vecinos-de-eastbank-abren-un-club-de-conversacion-en-la-biblioteca",
        "headline": (
            "Vecinos de Eastbank abren un club de conversación en dos idiomas en la biblioteca"
        ),
        "dek": (
            "Cada martes, quienes aprenden inglés y quienes aprenden español se sientan en la "
            "misma mesa; el grupo pasó de 8 a 45 personas en tres meses."
        ),
        "section": "arts-culture",
        "authors": ["mei-lin-castellanos"],
        "byline_text": "",
        "writer": "mei-lin-castellanos",
        "tags": ["Library"],
        "days_ago": 4,
        "hour": 9,
        "body": """\
Los martes por la noche, la sala de lectura de la sucursal de Eastbank de la Biblioteca Pública
de Gullhaven se llena de voces en dos idiomas. En una mesa se habla solo en inglés; en la de al
lado, solo en español. A los 30 minutos, todos cambian de silla.

El club de conversación empezó en septiembre con ocho personas reunidas por Rosa Ibarra, una
jubilada que trabajó 30 años en la planta procesadora de mariscos del puerto. Hoy reúne a unas 45
personas cada semana, desde estudiantes de la escuela superior hasta pescadores que llegaron a la
ciudad hace pocos meses.

“Yo aprendí inglés en la fábrica, a golpes”, dijo Ibarra. “Quería que otros tuvieran un lugar
donde equivocarse sin vergüenza”.

La biblioteca presta la sala sin costo y, desde noviembre, ofrece café y galletas. La
bibliotecaria Anouk Delacroix-Webb dijo que el club también ha traído nuevos usuarios: 62
personas sacaron su primera tarjeta de la biblioteca en los últimos dos meses.

Las reuniones son gratuitas, de 6:30 a 8 p. m., y no hace falta inscribirse.
""",
    },
    {
        "slug": "las-tortugas-de-eastbank-ganan-el-torneo-de-beisbol-juvenil",
        "headline": "Las Tortugas de Eastbank ganan el torneo de béisbol juvenil del condado",
        "dek": (
            "El equipo de menores de 12 años remontó tres carreras en la última entrada y se "
            "llevó su primer título desde 2019."
        ),
        "section": "sports",
        "authors": ["jamal-whitcombe"],
        "byline_text": "",
        "writer": "jamal-whitcombe",
        "tags": [],
        "days_ago": 1,
        "hour": 19,
        "body": """\
Las Tortugas de Eastbank llegaron a la última entrada perdiendo por tres carreras. Salieron del
parque Riverside con el trofeo del torneo juvenil del condado Sorrel.

Con las bases llenas y dos outs, la receptora Camila Oyelaran, de 11 años, bateó un doble por la
línea del jardín izquierdo que empató el juego 5 a 5. Un lanzamiento descontrolado trajo la
carrera de la victoria desde tercera.

“Les dije que jugaran como si fuera práctica”, dijo el entrenador Héctor Villanueva, que dirige
el equipo desde hace seis temporadas. “Lo hicieron mejor que en la práctica”.

Es el primer campeonato de las Tortugas desde 2019. El equipo, formado por 14 jugadores de entre
10 y 12 años, jugará en el torneo regional el mes próximo en Port Alder.

La liga juvenil de Eastbank recauda fondos para el viaje con una venta de comida el sábado en el
centro comunitario de la calle Pell.
""",
    },
]
