/**
 * Conferences: Sozialraumkonferenzen, Sozialregionskonferenzen, network meetings and Fallkonferenzen with
 * invitations (e-mail with an iCalendar file), registration, agenda, attendance, minutes per agenda item, decisions
 * and the tasks they create, minutes approval and publication. A Fallkonferenz is restricted to its invited persons
 * (and admins), is never public and its minutes are never published. Other modules use
 * {@link org.spange.conference.Conferences}.
 */
package org.spange.conference;
