/* libpbo — member records (payments, evaluations, ratings, trainings):
 * what the loader, the writer, the plans and the journal share.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef PBO_MEMBER_RECORDS_PRIVATE_H
#define PBO_MEMBER_RECORDS_PRIVATE_H

#include "tree-private.h"

G_BEGIN_DECLS

/* The most attributes a record element has (a rating: year and six scores). */
#define PBO_RECORD_MAX_ATTRS 8
/* Room for any one formatted attribute value but a title. */
#define PBO_RECORD_VALUE_BUFSIZE 32

/* The records of @m (sorted; titles owned), or NULL when it has none. */
GArray     *pbo_records_of_ (const PboMember *m);

/* Stores @rec in place of the record with its key, or removes that record
 * when @rec is NULL, without the journal: the loader and the primitives
 * use it. @rec must have been checked. */
void        pbo_records_set_ (PboTree *tree, PboMember *m, const PboMemberRecord *key,
                              const PboMemberRecord *rec);
/* The kinds of record the tree holds, as bits 1 << PboRecordKind. O(records). */
guint       pbo_records_kinds_ (const PboTree *tree);
/* Forgets @m's records (the member leaves the tree). */
void        pbo_records_drop_member_ (PboTree *tree, PboMember *m);
/* Frees the side table (the tree is freed). */
void        pbo_records_free_ (PboTree *tree);
/* Gives @dest (of another tree) the records of @src. */
void        pbo_records_copy_member_ (PboTree *dest_tree, PboMember *dest, const PboMember *src);

/* One attribute of a record element, by name, into @rec (whose kind is
 * set): FALSE with PBO_ERROR_FORMAT for a name the kind does not have,
 * PBO_ERROR_INVALID for a bad value. @title is borrowed from @value. */
gboolean    pbo_record_set_attr_ (PboMemberRecord *rec, const char *name, const char *value,
                                  GError **error);
/* The attributes of @rec as written (canonical order, defaults left
 * out): @names[i] = @values[i]; values in @bufs but the title's. With
 * @key_only, only those naming the record (month; year; year, title).
 * Returns how many. */
guint       pbo_record_attrs_ (const PboMemberRecord *rec, gboolean key_only,
                               const char **names, const char **values,
                               char bufs[][PBO_RECORD_VALUE_BUFSIZE]);
/* The attributes a record of @kind must carry: its key, and its data
 * unless @key_only; FALSE with PBO_ERROR_FORMAT naming the first missing. */
gboolean    pbo_record_check_given_ (const PboMemberRecord *rec, guint64 given_mask,
                                     gboolean key_only, GError **error);
/* The bit of attribute @name in a given-mask (see above), 0 if unknown. */
guint64     pbo_record_attr_bit_ (const char *name);
/* The key as text, as the journal's detail: "2024-03", "2024",
 * "2024 党课". g_free. */
char       *pbo_record_key_text_ (const PboMemberRecord *rec);

/* The record as one line of text for the journal's undo data, and back
 * (checked; FALSE on anything malformed). @title points into @text. */
char       *pbo_record_encode_ (const PboMemberRecord *rec);
gboolean    pbo_record_decode_ (const char *text, PboMemberRecord *rec, char **title);

/* The writer's part (lib/xml-records.c): @m's record elements at @depth;
 * whether it has any to write. */
void        pbo_xml_write_records_ (GString *out, const PboMember *m, guint depth,
                                    gboolean redact);
gboolean    pbo_xml_member_has_records_ (const PboMember *m, gboolean redact);

/* The edit operation that puts or removes a record of @kind, and back. */
PboEditOp   pbo_record_op_ (PboRecordKind kind, gboolean remove);
PboRecordKind pbo_record_op_kind_ (PboEditOp op, gboolean *remove);

G_END_DECLS

#endif /* PBO_MEMBER_RECORDS_PRIVATE_H */
