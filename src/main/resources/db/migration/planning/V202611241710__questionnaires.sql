-- planning: guided questionnaires (issue 8). Templates are data: every edit adds a version with its own ordered
-- questions, and an answer set keeps the version it was given with, so old answers render with their own questions.
-- Texts are German only for now. The two seeded templates are product content, hence here and not in a demo runner.
create table planning.questionnaire_version (
    id           bigint generated always as identity primary key,
    template_key text   not null check (template_key ~ '^[a-z0-9-]{1,60}$'),
    version      int    not null check (version >= 1),
    title        text   not null check (length(title) between 1 and 200),
    description  text check (description is null or length(description) <= 4000),
    created_by   text   not null,
    created_at   timestamptz not null default now(),
    unique (template_key, version)
);

create table planning.questionnaire_question (
    version_id bigint not null references planning.questionnaire_version (id),
    rank       int    not null check (rank >= 0),
    section    text   not null check (length(section) between 1 and 200),
    type       text   not null check (type in ('TEXT', 'LIST', 'YESNO', 'SCALE')),
    text       text   not null check (length(text) between 1 and 500),
    help       text check (help is null or length(help) <= 1000),
    primary key (version_id, rank)
);

-- the subject is exactly one of: an inventory organisation, a free-text organisation name, an area
create table planning.questionnaire_answer_set (
    id              bigint generated always as identity primary key,
    version_id      bigint not null references planning.questionnaire_version (id),
    organization_id bigint,
    subject_name    text check (subject_name is null or length(subject_name) between 1 and 200),
    area_id         bigint references area.area (id),
    owner           text   not null,
    visibility      text   not null check (visibility in ('PRIVATE', 'SHARED')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (num_nonnulls(organization_id, subject_name, area_id) = 1)
);

-- one row per free-text/yes-no/scale answer (item 0) or per list item (items 0..n, each with a note)
create table planning.questionnaire_answer (
    answer_set_id bigint not null references planning.questionnaire_answer_set (id) on delete cascade,
    question_rank int    not null,
    item          int    not null check (item >= 0),
    text          text   not null check (length(text) between 1 and 4000),
    note          text check (note is null or length(note) <= 1000),
    primary key (answer_set_id, question_rank, item)
);

insert into planning.questionnaire_version (template_key, version, title, description, created_by)
values ('swot', 1, 'SWOT-Analyse',
        'Stärken, Schwächen, Chancen und Risiken einer Organisation oder einer Region – und die Strategien, die sich daraus ableiten.',
        'system'),
       ('auftragsklaerung', 1, 'Auftragsklärung',
        'Auftragsklärung für die Beteiligung freier Träger an der Sozialplanung – und die organisationsinterne Vorbereitung.',
        'system');

insert into planning.questionnaire_question (version_id, rank, section, type, text, help)
select v.id, q.rank, q.section, q.type, q.text, q.help
from planning.questionnaire_version v
join (values
    ('swot', 0, 'SWOT', 'LIST', 'Stärken', 'Was gelingt gut? Je Punkt eine Zeile, optional mit Notiz.'),
    ('swot', 1, 'SWOT', 'LIST', 'Schwächen', 'Was gelingt noch nicht? Wo fehlen Ressourcen?'),
    ('swot', 2, 'SWOT', 'LIST', 'Chancen', 'Welche Entwicklungen von außen helfen?'),
    ('swot', 3, 'SWOT', 'LIST', 'Risiken', 'Welche Entwicklungen von außen gefährden die Arbeit?'),
    ('swot', 4, 'Strategien', 'LIST', 'SO: Stärken nutzen, um Chancen zu ergreifen', null),
    ('swot', 5, 'Strategien', 'LIST', 'ST: Stärken nutzen, um Risiken abzuwehren', null),
    ('swot', 6, 'Strategien', 'LIST', 'WO: Schwächen abbauen, um Chancen zu nutzen', null),
    ('swot', 7, 'Strategien', 'LIST', 'WT: Schwächen abbauen, um Risiken zu vermeiden', null),
    ('auftragsklaerung', 0, 'Auftragsklärung', 'TEXT', 'Was verstehen wir unter Sozialplanung?', null),
    ('auftragsklaerung', 1, 'Auftragsklärung', 'LIST', 'Welche Themen und Ziele sind relevant?', null),
    ('auftragsklaerung', 2, 'Auftragsklärung', 'LIST', 'Wer sind wichtige Akteure und Partner?', null),
    ('auftragsklaerung', 3, 'Auftragsklärung', 'LIST', 'Welche Anliegen wollen wir einbringen?', null),
    ('auftragsklaerung', 4, 'Auftragsklärung', 'TEXT', 'Welche Aufgaben und Anforderungen bringt die Beteiligung mit sich?', null),
    ('auftragsklaerung', 5, 'Auftragsklärung', 'TEXT', 'Welches Interesse hat die Kommune an der Einbindung freier Träger?', null),
    ('auftragsklaerung', 6, 'Auftragsklärung', 'LIST', 'Welche konkreten Aufträge gibt es?', null),
    ('auftragsklaerung', 7, 'Auftragsklärung', 'TEXT', 'Wann ist der richtige Zeitpunkt der Einbindung?', null),
    ('auftragsklaerung', 8, 'Auftragsklärung', 'TEXT', 'Wie stimmen sich die Träger trägerübergreifend ab?', null),
    ('auftragsklaerung', 9, 'Auftragsklärung', 'TEXT', 'Wie gelingt eine ressourcenschonende Zusammenarbeit?', null),
    ('auftragsklaerung', 10, 'Interne Vorbereitung', 'TEXT', 'Was wurde schon begonnen?', null),
    ('auftragsklaerung', 11, 'Interne Vorbereitung', 'YESNO', 'Gibt es Erfahrungen mit Beteiligung?', null),
    ('auftragsklaerung', 12, 'Interne Vorbereitung', 'TEXT', 'Was soll beeinflusst werden?', null),
    ('auftragsklaerung', 13, 'Interne Vorbereitung', 'LIST', 'Wer sind mögliche Partner?', null),
    ('auftragsklaerung', 14, 'Interne Vorbereitung', 'LIST', 'Wer nimmt teil?', null)
) as q (template_key, rank, section, type, text, help) on q.template_key = v.template_key and v.version = 1;
