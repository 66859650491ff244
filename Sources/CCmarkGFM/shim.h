#ifndef CCMARKGFM_SHIM_H
#define CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
/* Exported by libcmark-gfm-extensions but declared in no installed header. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;
/* Swift 6 rejects reading mutable C globals; read them through functions. */
static inline cmark_node_type ccmark_node_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type ccmark_node_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type ccmark_node_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type ccmark_node_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }
#endif
