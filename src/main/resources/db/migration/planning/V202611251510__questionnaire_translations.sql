-- planning: questionnaire template texts in further languages (issue 8). The German text in questionnaire_version
-- and questionnaire_question stays the original; a translation belongs to one version (a new version carries the
-- translations of questions whose German wording did not change). Answers are never translated.
create table planning.questionnaire_version_text (
    version_id  bigint not null references planning.questionnaire_version (id),
    language    text   not null check (language ~ '^[a-z]{2}$' and language <> 'de'),
    title       text   not null check (length(title) between 1 and 200),
    description text check (description is null or length(description) <= 4000),
    primary key (version_id, language)
);

create table planning.questionnaire_question_text (
    version_id bigint not null,
    rank       int    not null,
    language   text   not null check (language ~ '^[a-z]{2}$' and language <> 'de'),
    section    text   not null check (length(section) between 1 and 200),
    text       text   not null check (length(text) between 1 and 500),
    help       text check (help is null or length(help) <= 1000),
    primary key (version_id, rank, language),
    foreign key (version_id, rank) references planning.questionnaire_question (version_id, rank)
);

insert into planning.questionnaire_version_text (version_id, language, title, description)
select v.id, 'en', t.title, t.description
from planning.questionnaire_version v
join (values
    ('swot', 'SWOT analysis',
     'Strengths, weaknesses, opportunities and threats of an organisation or a region – and the strategies that follow from them.'),
    ('auftragsklaerung', 'Mandate clarification',
     'Mandate clarification for free providers taking part in social planning – and the preparation inside the organisation.')
) as t (template_key, title, description) on t.template_key = v.template_key and v.version = 1;

insert into planning.questionnaire_question_text (version_id, rank, language, section, text, help)
select v.id, q.rank, 'en', q.section, q.text, q.help
from planning.questionnaire_version v
join (values
    ('swot', 0, 'SWOT', 'Strengths', 'What works well? One point a line, optionally with a note.'),
    ('swot', 1, 'SWOT', 'Weaknesses', 'What does not work yet? Where are resources missing?'),
    ('swot', 2, 'SWOT', 'Opportunities', 'Which developments from outside help?'),
    ('swot', 3, 'SWOT', 'Threats', 'Which developments from outside endanger the work?'),
    ('swot', 4, 'Strategies', 'SO: use strengths to seize opportunities', null),
    ('swot', 5, 'Strategies', 'ST: use strengths to ward off threats', null),
    ('swot', 6, 'Strategies', 'WO: reduce weaknesses to use opportunities', null),
    ('swot', 7, 'Strategies', 'WT: reduce weaknesses to avoid threats', null),
    ('auftragsklaerung', 0, 'Mandate clarification', 'What do we understand by social planning?', null),
    ('auftragsklaerung', 1, 'Mandate clarification', 'Which topics and goals are relevant?', null),
    ('auftragsklaerung', 2, 'Mandate clarification', 'Who are important actors and partners?', null),
    ('auftragsklaerung', 3, 'Mandate clarification', 'Which concerns do we want to bring in?', null),
    ('auftragsklaerung', 4, 'Mandate clarification', 'Which tasks and requirements does taking part bring?', null),
    ('auftragsklaerung', 5, 'Mandate clarification', 'What interest does the municipality have in involving free providers?', null),
    ('auftragsklaerung', 6, 'Mandate clarification', 'Which concrete mandates are there?', null),
    ('auftragsklaerung', 7, 'Mandate clarification', 'When is the right moment to involve free providers?', null),
    ('auftragsklaerung', 8, 'Mandate clarification', 'How do the providers coordinate across providers?', null),
    ('auftragsklaerung', 9, 'Mandate clarification', 'How does resource-saving cooperation succeed?', null),
    ('auftragsklaerung', 10, 'Internal preparation', 'What has already been started?', null),
    ('auftragsklaerung', 11, 'Internal preparation', 'Is there experience with participation?', null),
    ('auftragsklaerung', 12, 'Internal preparation', 'What should be influenced?', null),
    ('auftragsklaerung', 13, 'Internal preparation', 'Who are possible partners?', null),
    ('auftragsklaerung', 14, 'Internal preparation', 'Who will take part?', null)
) as q (template_key, rank, section, text, help) on q.template_key = v.template_key and v.version = 1;
