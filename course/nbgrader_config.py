# nbgrader configuration of the course «Орієнтація на клієнта».
# Run nbgrader from this folder:  cd course && nbgrader generate_assignment module1_client_service
import os

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "client-orientation"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
# The assignments are the repository's top-level module folders, used in place:
# nothing is copied by hand into source/.
c.CourseDirectory.source_directory = ".."

from clientlearn.nbgrader_plugins import configure  # noqa: E402

configure(c)
