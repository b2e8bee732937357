/** Bengali written in Latin letters: how readers type when they have no Bengali keyboard. */
@NullMarked
package news.prokash.search.latin;

import org.jspecify.annotations.NullMarked;
