/** The regulator's (县金融办) screens: verifying organizations, the risk fund, the audit trail, search indexes. */
@NullMarked
package dev.duijie.console.oversight;

import org.jspecify.annotations.NullMarked;
