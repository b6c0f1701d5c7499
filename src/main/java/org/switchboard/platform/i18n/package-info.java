/** Interface texts in English and Finnish, from the resource bundle org.switchboard.i18n.messages. */
package org.switchboard.platform.i18n;
