"""Names and places for the demo's people: Dutch, Flemish and English-speaking, written for this project."""

from __future__ import annotations

# fmt: off

FIRST_NAMES_F = (
    "Anna", "Emma", "Julia", "Sophie", "Lotte", "Sanne", "Femke", "Anouk", "Eva", "Lisa", "Iris", "Fleur",
    "Marieke", "Ingrid", "Annemarie", "Petra", "Monique", "Wilma", "Henny", "Gerda", "Truus", "Joke", "Ria",
    "Els", "Karin", "Marloes", "Esther", "Linda", "Mirjam", "Saskia", "Yvonne", "Noor", "Tess", "Mila", "Zoë",
    "Fatima", "Samira", "Naima", "Ayşe", "Elif", "Priya", "Shanti", "Mei", "Lieke", "Roos", "Hanneke",
    "Bregje", "Willemijn", "Jolien", "Griet", "Hilde", "An", "Sofie", "Leen", "Nathalie",
)
FIRST_NAMES_M = (
    "Jan", "Pieter", "Kees", "Henk", "Gerrit", "Willem", "Johan", "Hans", "Peter", "Mark", "Ruud", "Erik",
    "Marco", "Dennis", "Bas", "Thijs", "Daan", "Sem", "Lucas", "Finn", "Jesse", "Bram", "Ruben", "Niels",
    "Joost", "Maarten", "Sjoerd", "Wouter", "Frank", "Rob", "Ton", "Harm", "Jeroen", "Sander", "Arjen",
    "Mohamed", "Youssef", "Ahmed", "Mehmet", "Emre", "Rahul", "Ravi", "Wei", "Koen", "Stijn", "Jelle",
    "Tijmen", "Wim", "Dirk", "Geert", "Jef", "Pieterjan", "Bart", "Lander", "Tom",
)
SURNAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Kuipers", "Veenstra",
    "Postma", "Boersma", "Wijnen", "Gerritsen", "Scholten", "Timmermans", "Kramer", "Evers", "ter Horst",
    "van 't Hof", "Yilmaz", "Kaya", "Öztürk", "El Amrani", "Bouzid", "El Idrissi", "Ramdin", "Sardjoe",
    "Nguyen", "Tan", "Wong", "Kartosen", "Mahabier", "Pinas",
)
FLEMISH_SURNAMES = (
    "Peeters", "Maes", "Claes", "Wouters", "Goossens", "Jacobs", "Mertens", "Willems", "De Smet", "Van Damme",
    "Verstraete", "De Backer", "Vermeersch", "Van de Velde", "Lambrechts",
)
ENGLISH_FIRST = (
    "James", "Oliver", "Harry", "Jack", "Thomas", "Daniel", "Michael", "David", "Sarah", "Emily", "Charlotte",
    "Hannah", "Rachel", "Olivia", "Grace", "Megan", "Aisha", "Arjun", "Chloe", "Liam", "Sean", "Kate",
)
ENGLISH_SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
    "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Murphy", "O'Brien", "Kelly", "Patel",
    "Khan", "Anderson", "Miller", "Campbell", "Stewart",
)

STREETS = (
    "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Julianastraat", "Beatrixlaan",
    "Wilhelminastraat", "Prins Hendrikkade", "Oranjelaan", "Lindenlaan", "Eikenlaan", "Beukenlaan",
    "Kastanjelaan", "Berkenstraat", "Parallelweg", "Nieuwstraat", "Hoofdstraat", "Marktstraat",
    "Raadhuisplein", "Tulpstraat", "Rozenstraat", "Sportlaan", "Industrieweg", "Havenstraat",
    "Burgemeester Visserlaan", "Van Goghstraat", "Rembrandtlaan", "Vondelstraat", "Spoorstraat", "Zuidwal",
    "Noordsingel", "Westeinde", "Oosterstraat", "Kanaalweg", "Dijkstraat", "Vijverhof", "Merelstraat",
    "Zwanenweg", "Klaproos",
)
FLEMISH_STREETS = (
    "Kerkstraat", "Stationsstraat", "Nieuwstraat", "Kapelstraat", "Molenstraat", "Dorpsplein",
)

# town, first and last postcode number, area code (without the leading 0), weight
TOWNS = (
    ("Amsterdam", 1011, 1109, "20", 9.0),
    ("Rotterdam", 3011, 3089, "10", 6.5),
    ("Den Haag", 2491, 2599, "70", 5.5),
    ("Utrecht", 3511, 3585, "30", 3.6),
    ("Eindhoven", 5611, 5658, "40", 2.4),
    ("Groningen", 9711, 9747, "50", 2.4),
    ("Tilburg", 5011, 5049, "13", 2.2),
    ("Almere", 1311, 1363, "36", 2.2),
    ("Breda", 4811, 4839, "76", 1.9),
    ("Nijmegen", 6511, 6546, "24", 1.8),
    ("Apeldoorn", 7311, 7339, "55", 1.7),
    ("Haarlem", 2011, 2037, "23", 1.7),
    ("Arnhem", 6811, 6846, "26", 1.6),
    ("Enschede", 7511, 7548, "53", 1.6),
    ("Amersfoort", 3811, 3829, "33", 1.6),
    ("Zwolle", 8011, 8043, "38", 1.3),
    ("Leiden", 2311, 2334, "71", 1.2),
    ("Maastricht", 6211, 6229, "43", 1.2),
    ("Leeuwarden", 8911, 8939, "58", 1.0),
    ("Helmond", 5701, 5709, "492", 0.9),
    ("Deventer", 7411, 7429, "570", 0.8),
    ("Alkmaar", 1811, 1834, "72", 0.9),
    ("Emmen", 7811, 7833, "591", 0.6),
    ("Venlo", 5911, 5916, "77", 0.6),
    ("Hoorn", 1621, 1628, "229", 0.5),
    ("Middelburg", 4331, 4336, "118", 0.4),
    ("Assen", 9401, 9409, "592", 0.4),
    ("Veldhoven", 5501, 5509, "40", 0.5),
    ("Amstelveen", 1181, 1189, "20", 0.6),
)
EXPAT_TOWNS = (
    "Amsterdam", "Den Haag", "Utrecht", "Eindhoven", "Rotterdam", "Leiden", "Amstelveen",
)
BELGIAN_TOWNS = (
    ("Antwerpen", 2000, 2060),
    ("Gent", 9000, 9052),
    ("Hasselt", 3500, 3512),
    ("Brugge", 8000, 8310),
)

POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
EMAIL_DOMAINS = (
    "example.com", "example.net", "example.org", "mail.example.com", "post.example.net",
)

RELATIONS_NL = (
    "partner", "partner", "partner", "dochter", "zoon", "mantelzorger", "bewindvoerder",
)
# fmt: on
